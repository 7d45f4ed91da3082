package org.sunlight.disclosure.internal;

import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.organization.ApiException;

/**
 * The JSON mirror of the public portal ({@code /api/public/...}), without login. {@code GET /api/public/decisions}
 * and {@code GET /api/public/officers/{credentialNo}} are contracts (DESIGN.md).
 */
@RestController
@RequestMapping(value = "/api/public", produces = MediaType.APPLICATION_JSON_VALUE)
class PublicApiController {

    private final PublicDecisions decisions;
    private final Catalogue catalogue;
    private final ProcessDiagrams diagrams;
    private final DiscretionBenchmarks benchmarks;
    private final OfficerCheck officers;
    private final DisclosureStatistics statistics;

    PublicApiController(PublicDecisions decisions, Catalogue catalogue, ProcessDiagrams diagrams,
                        DiscretionBenchmarks benchmarks, OfficerCheck officers, DisclosureStatistics statistics) {
        this.decisions = decisions;
        this.catalogue = catalogue;
        this.diagrams = diagrams;
        this.benchmarks = benchmarks;
        this.officers = officers;
        this.statistics = statistics;
    }

    /** The search parameters of {@code GET /api/public/decisions} (README). */
    static final List<String> SEARCH_PARAMETERS = List.of("category", "department", "from", "to", "party", "page", "size");

    @GetMapping("/decisions")
    PageOf<PublicDecision> decisions(@RequestParam(required = false) String category,
                                     @RequestParam(required = false) String department,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String party,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size,
                                     @RequestParam Map<String, String> all) {
        // a filter the API does not know (keyword=, partyName=, status=) was ignored and the client got every decision
        // as if filtered: refused like any wrong parameter, never silently widened (PublicDecisions)
        List<String> unknown = all.keySet().stream().filter(name -> !SEARCH_PARAMETERS.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            String names = String.join(", ", unknown);
            String known = String.join(", ", SEARCH_PARAMETERS);
            throw ApiException.badRequest("unknown-parameter", "不支持的查询参数：" + abbreviate(names) + "（可用参数：" + known + "）",
                    "Unknown query parameter: " + abbreviate(names) + " (known: " + known + ")");
        }
        return decisions.search(new PublicDecisions.Search(category, department, from, to, party, page, size));
    }

    @GetMapping("/decisions/{id}")
    PublicDecision decision(@PathVariable String id) {
        return decisions.require(id);
    }

    @GetMapping("/items")
    List<EnforcementItem> items(@RequestParam(required = false) String category) {
        if (category != null && !category.isBlank() && !Labels.CATEGORIES.containsKey(category)) {
            throw ApiException.badRequest("invalid-category", "执法类别无效", "Invalid category");
        }
        return catalogue.items(category == null || category.isBlank() ? null : category);
    }

    // The random-inspection item list's JSON twin is the inspection module's own GET /api/public/inspection-items.

    @GetMapping("/guides")
    List<ServiceGuide> guides() {
        return catalogue.guides();
    }

    @GetMapping("/guides/{processKey}")
    Map<String, Object> guide(@PathVariable String processKey) {
        ServiceGuide guide = requireGuide(processKey);
        return Map.of("guide", guide, "flowchartAvailable", diagrams.drawable(processKey),
                "flowchart", "/api/public/guides/" + processKey + "/diagram");
    }

    /** The procedure's flowchart: the deployed BPMN without engine configuration (only for published guides). */
    @GetMapping(value = "/guides/{processKey}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> diagram(@PathVariable String processKey) {
        requireGuide(processKey);
        if (!diagrams.drawable(processKey)) {
            throw ApiException.notFound("该程序的流程图尚未发布", "The procedure has no diagram yet");
        }
        String xml = diagrams.publicXml(processKey).orElseThrow();
        return ResponseEntity.ok().contentType(new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(xml);
    }

    @GetMapping("/benchmarks")
    DiscretionBenchmarks.Benchmarks benchmarks() {
        return benchmarks.current();
    }

    @GetMapping("/officers")
    List<OfficerCheck.OfficerCard> officers() {
        return officers.validToday();
    }

    @GetMapping("/officers/{credentialNo}")
    OfficerCheck.OfficerCard officer(@PathVariable String credentialNo) {
        return officers.check(credentialNo).orElseThrow(() -> ApiException.notFound(
                "未查询到执法证号为 " + OfficerCheck.normalize(credentialNo) + " 的执法证件：该证件不存在或不是本机关核发",
                "No credential " + credentialNo));
    }

    @GetMapping("/statistics")
    Map<String, Object> statisticsYears() {
        return Map.of("years", statistics.years());
    }

    @GetMapping("/statistics/{year}")
    DisclosureStatistics.Report statistics(@PathVariable int year) {
        return statistics.find(year).orElseThrow(() -> ApiException.notFound(year + " 年度执法数据尚未公布",
                "No statistics for " + year));
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    private ServiceGuide requireGuide(String processKey) {
        return catalogue.guide(processKey).orElseThrow(() -> ApiException.notFound("未找到该服务指南",
                "No service guide " + processKey));
    }
}
