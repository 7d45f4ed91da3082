package org.sunlight.disclosure.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.Department;
import org.sunlight.organization.Organization;

/**
 * The public portal (/public/, in Chinese, no login): server-rendered pages that work without JavaScript; the
 * flowcharts are drawn by the bundled bpmn-js viewer where JavaScript runs. Mirrors {@link PublicApiController}.
 */
@Controller
@RequestMapping("/public")
class PortalController {

    private final org.sunlight.inspection.RandomInspectionList inspectionList;
    private final PublicDecisions decisions;
    private final Catalogue catalogue;
    private final ProcessDiagrams diagrams;
    private final DiscretionBenchmarks benchmarks;
    private final OfficerCheck officers;
    private final DisclosureStatistics statistics;
    private final Organization organization;
    private final DisclosureProperties properties;

    PortalController(PublicDecisions decisions, Catalogue catalogue, ProcessDiagrams diagrams,
                     DiscretionBenchmarks benchmarks, OfficerCheck officers, DisclosureStatistics statistics,
                     Organization organization, DisclosureProperties properties,
                     org.sunlight.inspection.RandomInspectionList inspectionList) {
        this.inspectionList = inspectionList;
        this.decisions = decisions;
        this.catalogue = catalogue;
        this.diagrams = diagrams;
        this.benchmarks = benchmarks;
        this.officers = officers;
        this.statistics = statistics;
        this.organization = organization;
        this.properties = properties;
    }

    @GetMapping({"", "/"})
    String index(Model model) {
        model.addAttribute("latest", decisions.search(new PublicDecisions.Search(null, null, null, null, null, 1, 5)));
        model.addAttribute("years", statistics.years());
        return "public/index";
    }

    @GetMapping("/decisions")
    String decisions(@RequestParam(required = false) String category,
                     @RequestParam(required = false) String department,
                     @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to,
                     @RequestParam(required = false) String party,
                     @RequestParam(required = false) Integer page,
                     Model model) {
        PublicDecisions.Search search = new PublicDecisions.Search(category, department, from, to, party, page, null);
        model.addAttribute("search", search);
        model.addAttribute("categories", Labels.CATEGORIES);
        model.addAttribute("departments", enforcementDepartments());
        model.addAttribute("result", decisions.search(search));
        return "public/decisions";
    }

    @GetMapping("/decisions/{id}")
    String decision(@PathVariable String id, Model model) {
        model.addAttribute("decision", decisions.require(id));
        return "public/decision";
    }

    @GetMapping("/catalogue")
    String catalogue(@RequestParam(required = false) String category, Model model) {
        if (category != null && !category.isBlank() && !Labels.CATEGORIES.containsKey(category)) {
            throw ApiException.badRequest("invalid-category", "执法类别无效", "Invalid category");
        }
        String selected = category == null || category.isBlank() ? null : category;
        Map<String, List<EnforcementItem>> byCategory = new LinkedHashMap<>();
        for (EnforcementItem item : catalogue.items(selected)) {
            byCategory.computeIfAbsent(item.category(), k -> new java.util.ArrayList<>()).add(item);
        }
        model.addAttribute("categories", Labels.CATEGORIES);
        model.addAttribute("selected", selected);
        model.addAttribute("itemsByCategory", byCategory);
        model.addAttribute("departmentNames", departmentNames());
        // the inspection module owns the random-inspection item list (随机抽查事项清单); this page only shows it
        model.addAttribute("inspectionItems", inspectionList.published());
        return "public/catalogue";
    }

    @GetMapping("/guides")
    String guides(Model model) {
        model.addAttribute("guides", catalogue.guides());
        model.addAttribute("categories", Labels.CATEGORIES);
        return "public/guides";
    }

    @GetMapping("/guides/{processKey}")
    String guide(@PathVariable String processKey, Model model) {
        ServiceGuide guide = catalogue.guide(processKey).orElseThrow(() -> ApiException.notFound("未找到该服务指南",
                "No service guide " + processKey));
        model.addAttribute("guide", guide);
        model.addAttribute("categoryName", Labels.category(guide.category()));
        model.addAttribute("item", Optional.ofNullable(guide.itemCode()).flatMap(catalogue::item).orElse(null));
        model.addAttribute("flowchart", diagrams.drawable(processKey));
        return "public/guide";
    }

    @GetMapping("/benchmarks")
    String benchmarks(Model model) {
        model.addAttribute("benchmarks", benchmarks.current());
        return "public/benchmarks";
    }

    @GetMapping("/officers")
    String officers(@RequestParam(required = false) String no, Model model, HttpServletResponse response) {
        if (no != null && !no.isBlank()) {
            return officer(no, model, response);
        }
        model.addAttribute("officers", officers.validToday());
        return "public/officers";
    }

    @GetMapping("/officers/{no}")
    String officer(@PathVariable String no, Model model, HttpServletResponse response) {
        String normalized = OfficerCheck.normalize(no);
        Optional<OfficerCheck.OfficerCard> card = officers.check(no);
        model.addAttribute("no", normalized);
        model.addAttribute("card", card.orElse(null));
        if (card.isEmpty()) {
            response.setStatus(404);
        } else {
            model.addAttribute("pageUrl", portalBase() + "/public/officers/" + card.get().credentialNo());
        }
        return "public/officer";
    }

    /** The QR code an officer shows: it opens this credential's page on the citizen's phone. */
    @GetMapping(value = "/officers/{no}/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> officerQr(@PathVariable String no) {
        OfficerCheck.OfficerCard card = officers.check(no).orElseThrow(() -> ApiException.notFound(
                "未查询到该执法证件", "No such credential"));
        String url = portalBase() + "/public/officers/" + card.credentialNo();
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.noCache())
                .body(QrCodes.svg(url, "执法证 " + card.credentialNo() + " 核验二维码"));
    }

    @GetMapping("/statistics")
    String statisticsIndex(Model model) {
        model.addAttribute("years", statistics.years());
        model.addAttribute("report", null);
        return "public/statistics";
    }

    @GetMapping("/statistics/{year}")
    String statistics(@PathVariable int year, Model model) {
        DisclosureStatistics.Report report = statistics.find(year).orElseThrow(() -> ApiException.notFound(
                year + " 年度执法数据尚未公布", "No statistics for " + year));
        model.addAttribute("years", statistics.years());
        model.addAttribute("report", report);
        model.addAttribute("sections", List.of(new Section("按执法类别", report.byCategory()),
                new Section("按决定类型", report.byKind()), new Section("按执法部门", report.byDepartment())));
        return "public/statistics";
    }

    record Section(String title, List<DisclosureStatistics.Line> lines) {
    }

    private String portalBase() {
        String configured = properties.portalBaseUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    private Map<String, String> departmentNames() {
        Map<String, String> names = new LinkedHashMap<>();
        organization.departments().forEach(d -> names.put(d.id(), d.name()));
        return names;
    }

    /** Departments that decide cases (the search filter offers these). */
    private List<Department> enforcementDepartments() {
        return organization.departments().stream().filter(d -> "enforcement".equals(d.kind())).toList();
    }
}
