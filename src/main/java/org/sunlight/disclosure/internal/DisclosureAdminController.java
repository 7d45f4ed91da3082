package org.sunlight.disclosure.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.StaffUser;
import org.sunlight.procedure.StatutoryClock;

/**
 * Administration of publicity (administrators only, /api/admin/**): the catalogue, the outbox and its dead-letter
 * list, the annual statistics, the masking rules in force.
 */
@RestController
@RequestMapping("/api/admin/disclosure")
class DisclosureAdminController {

    private static final Set<String> OUTBOX_STATUSES = Set.of(OutboxRow.PENDING, OutboxRow.SENT, OutboxRow.DEAD);

    private final Catalogue catalogue;
    private final OutboxMapper outbox;
    private final OutboxSender sender;
    private final DisclosureStatistics statistics;
    private final MaskingRules masking;
    private final StatutoryClock clock;

    DisclosureAdminController(Catalogue catalogue, OutboxMapper outbox, OutboxSender sender,
                              DisclosureStatistics statistics, MaskingRules masking, StatutoryClock clock) {
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.sender = sender;
        this.statistics = statistics;
        this.masking = masking;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ catalogue

    @GetMapping("/items")
    List<EnforcementItem> items() {
        return catalogue.items(null);
    }

    @PutMapping("/items/{code}")
    EnforcementItem saveItem(@PathVariable String code, @Valid @RequestBody EnforcementItem item) {
        requireSame(code, item.code());
        return catalogue.saveItem(item, StaffUser.require().userId());
    }

    @DeleteMapping("/items/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteItem(@PathVariable String code) {
        catalogue.deleteItem(code);
    }

    @GetMapping("/guides")
    List<ServiceGuide> guides() {
        return catalogue.guides();
    }

    @PutMapping("/guides/{processKey}")
    ServiceGuide saveGuide(@PathVariable String processKey, @Valid @RequestBody ServiceGuide guide) {
        requireSame(processKey, guide.processKey());
        return catalogue.saveGuide(guide, StaffUser.require().userId());
    }

    @DeleteMapping("/guides/{processKey}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteGuide(@PathVariable String processKey) {
        catalogue.deleteGuide(processKey);
    }

    // ------------------------------------------------------------------ outbox and dead letters

    @GetMapping("/outbox")
    PageOf<OutboxRow> outbox(@RequestParam(required = false) String status,
                             @RequestParam(required = false) String publication,
                             @RequestParam(defaultValue = "1") int page,
                             @RequestParam(defaultValue = "20") int size) {
        if (status != null && !OUTBOX_STATUSES.contains(status)) {
            throw ApiException.badRequest("invalid-status", "状态无效（可选：pending、sent、dead）", "Invalid status");
        }
        if (page < 1 || size < 1 || size > 100) {
            throw ApiException.badRequest("invalid-page", "页码须从1开始，每页1至100条", "Invalid page or size");
        }
        return PageOf.of(outbox.list(status, publication, size, (page - 1) * size), page, size,
                outbox.count(status, publication));
    }

    /** Delivers what is due now, on this node, without waiting for the schedule (e.g. right after fixing the endpoint). */
    @PostMapping("/outbox/deliver")
    Map<String, Object> deliver() {
        if (!sender.configured()) {
            throw ApiException.badRequest("no-endpoint", "未配置省级平台地址（sunlight.disclosure.provincial.url）",
                    "No provincial platform endpoint is configured");
        }
        return Map.of("delivered", sender.sendDue());
    }

    /** Puts a dead event back in the queue with a fresh set of attempts (after the cause was fixed). */
    @PostMapping("/outbox/{id}/resend")
    OutboxRow resend(@PathVariable long id) {
        OutboxRow row = outbox.find(id);
        if (row == null) {
            throw ApiException.notFound("未找到该推送事件", "No such outbox event");
        }
        if (outbox.resend(id, clock.now()) != 1) {
            throw ApiException.badRequest("not-dead", "只有推送失败（死信）的事件可以重新推送，当前状态：" + row.status(),
                    "Only dead events can be resent");
        }
        return outbox.find(id);
    }

    // ------------------------------------------------------------------ statistics, masking rules

    @PostMapping("/statistics/{year}")
    DisclosureStatistics.Report compile(@PathVariable int year) {
        return statistics.compile(year, StaffUser.require().userId());
    }

    @GetMapping("/masking-rules")
    Map<String, Object> maskingRules() {
        return Map.of("version", masking.version(), "rules", masking.rules().stream().map(r -> Map.of("id", r.id(),
                "name", r.name(), "basis", r.basis(), "pattern", r.pattern().pattern(),
                "replacement", r.replacement(), "separated", r.separated())).toList(),
                "party", masking.partyRules().stream().map(r -> Map.of("id", r.id(), "name", r.name(),
                        "basis", r.basis(), "field", r.field(), "partyTypes", r.partyTypes(),
                        "replacement", r.replacement())).toList());
    }

    private static void requireSame(String path, String body) {
        if (!path.equals(body)) {
            throw ApiException.badRequest("id-mismatch", "地址中的编号与内容中的编号不一致", "The id in the path and body differ");
        }
    }
}
