package org.sunlight.disclosure.internal;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.Officer;
import org.sunlight.organization.Organization;
import org.sunlight.organization.StaffUser;
import org.sunlight.procedure.StatutoryClock;

/**
 * Publications as staff see them (supervision list): pending, overdue, withheld with the reason, and the history of
 * each. Leaders, supervisors, legal reviewers and administrators see every department's; officers their own.
 * Corrections are made here too.
 */
@RestController
@RequestMapping("/api/disclosure/publications")
class DisclosureStaffController {

    private static final Set<String> STATUSES = Set.of("pending", "overdue", "published", "withheld", "withdrawn",
            "cancelled", "withdrawal-overdue");

    /** A publication with its internal state (never shown to the public). */
    record StaffPublication(String id, String businessKey, String caseNumber, String status, String statusName,
                            boolean overdue, String kindName, String departmentId, String handlerId, String documentNo,
                            String partyName, String matter, String result, String legalBasis, LocalDate decidedOn,
                            LocalDate dueOn, Date publishedAt, String withheldReason, String revocation,
                            LocalDate withdrawalDueOn, String withdrawalReason, String maskingVersion,
                            String maskedItems, int revision) {
    }

    record History(StaffPublication publication, List<PublicationEvent> events) {
    }

    private final PublicationMapper mapper;
    private final Publications publications;
    private final Organization organization;
    private final StatutoryClock clock;

    DisclosureStaffController(PublicationMapper mapper, Publications publications, Organization organization,
                              StatutoryClock clock) {
        this.mapper = mapper;
        this.publications = publications;
        this.organization = organization;
        this.clock = clock;
    }

    @GetMapping
    PageOf<StaffPublication> list(@RequestParam(required = false) String status,
                                  @RequestParam(defaultValue = "1") int page,
                                  @RequestParam(defaultValue = "20") int size) {
        StaffUser user = StaffUser.require();
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("invalid-status", "状态无效（可选：" + String.join("、", STATUSES) + "）",
                    "Invalid status");
        }
        if (page < 1 || size < 1 || size > 100) {
            throw ApiException.badRequest("invalid-page", "页码须从1开始，每页1至100条", "Invalid page or size");
        }
        String department = null;
        if (!user.readsAllCases()) {
            department = organization.officer(user.userId()).map(Officer::departmentId)
                    .orElseThrow(() -> ApiException.forbidden("无权查看公示信息", "Not allowed"));
        }
        Date now = clock.now();
        List<StaffPublication> items = mapper.searchStaff(department, status, now, size, (page - 1) * size).stream()
                .map(r -> staff(r, now)).toList();
        return PageOf.of(items, page, size, mapper.countStaff(department, status, now));
    }

    @GetMapping("/{id}")
    History history(@PathVariable String id) {
        PublicationRow row = readable(id, StaffUser.require());
        return new History(staff(row, clock.now()), mapper.events(row.id));
    }

    @PostMapping("/{id}/corrections")
    PublicDecision correct(@PathVariable String id, @RequestBody Publications.CorrectionRequest request) {
        return publications.correct(id, request, StaffUser.require());
    }

    private PublicationRow readable(String id, StaffUser user) {
        return Optional.ofNullable(mapper.findByPublicId(id))
                .filter(r -> user.readsAllCases() || user.inGroup(r.departmentId))
                .orElseThrow(() -> ApiException.notFound("未找到该公示信息", "No such publication"));
    }

    private StaffPublication staff(PublicationRow r, Date now) {
        boolean overdue = (PublicationRow.PENDING.equals(r.status) && now.after(r.dueAt))
                || (PublicationRow.PUBLISHED.equals(r.status) && r.withdrawalDueAt != null && now.after(r.withdrawalDueAt));
        String revocation = r.revocationKind == null ? null
                : Labels.REVOCATIONS.get(r.revocationKind) + "：" + r.revocationBasis + "（" + r.revokedOn + "）";
        return new StaffPublication(r.publicId, r.businessKey, r.caseNumber, r.status, Labels.STATUSES.get(r.status),
                overdue, r.kindName, r.departmentId, r.handlerId, r.documentNo, r.partyName, r.matter, r.decisionResult,
                r.legalBasis, clock.toDate(r.decidedAt), clock.toDate(r.dueAt), r.publishedAt, r.withheldReason,
                revocation, r.withdrawalDueAt == null ? null : clock.toDate(r.withdrawalDueAt), r.withdrawalReason,
                r.maskingVersion, r.maskedItems, r.revision);
    }
}
