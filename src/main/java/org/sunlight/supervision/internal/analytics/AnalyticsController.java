package org.sunlight.supervision.internal.analytics;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.Organization;
import org.sunlight.organization.StaffUser;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.supervision.internal.QueryParameters;
import org.sunlight.supervision.internal.watch.SupervisionAccess;

/**
 * 执法统计分析 for supervisors and leaders: GET only. Every table has a CSV twin at .../csv (the risk flags one each and
 * all together). Filters: {@code from}, {@code to} (dates, both inclusive; {@link QueryParameters}) and
 * {@code department}.
 */
@RestController
@RequestMapping("/api/supervision/analytics")
class AnalyticsController {

    /** The inspection results and publication states as the analytics page names them. */
    private static final Map<String, String> INSPECTION_RESULTS = Map.of(
            "compliant", "未发现问题", "rectify", "发现问题需整改", "penalty", "发现违法行为需处罚");
    private static final Map<String, String> PUBLICATION_STATUSES = Map.of(
            "pending", "待公示", "published", "已公示", "withheld", "不予公示", "withdrawn", "已撤回", "cancelled", "已取消");

    private final Analytics analytics;
    private final SupervisionAccess access;
    private final Organization organization;
    private final StatutoryClock clock;

    AnalyticsController(Analytics analytics, SupervisionAccess access, Organization organization, StatutoryClock clock) {
        this.analytics = analytics;
        this.access = access;
        this.organization = organization;
        this.clock = clock;
    }

    @GetMapping("/cases")
    Analytics.CaseCounts cases(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String department) {
        return analytics.cases(filter(from, to, department));
    }

    @GetMapping("/cases/csv")
    ResponseEntity<byte[]> casesCsv(@RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String department) {
        Analytics.CaseCounts counts = cases(from, to, department);
        List<List<Object>> rows = new ArrayList<>();
        counts.byCategory().forEach(l -> rows.add(List.of("类别", l.name(), l.count())));
        counts.byDepartment().forEach(l -> rows.add(List.of("部门", l.name(), l.count())));
        counts.byMonth().forEach(l -> rows.add(List.of("月份", l.key(), l.count())));
        return Csv.of("cases.csv", List.of("维度", "分组", "案件数"), rows);
    }

    @GetMapping("/durations")
    List<Analytics.DurationRow> durations(@RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to,
                                          @RequestParam(required = false) String department) {
        return analytics.durations(filter(from, to, department));
    }

    @GetMapping("/durations/csv")
    ResponseEntity<byte[]> durationsCsv(@RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String department) {
        return Csv.of("durations.csv", List.of("程序", "办结案件数", "平均用时（日）", "90%分位用时（日）", "法定时限", "法律依据",
                "承诺时限", "法定时限内办结率", "承诺时限内办结率"), durations(from, to, department).stream()
                .map(r -> List.<Object>of(r.name(), r.closed(), nz(r.averageDays()), nz(r.p90Days()), r.statutoryLimit(),
                        r.statutoryBasis(), nz(r.promisedLimit()), nz(r.withinStatutory()), nz(r.withinPromised())))
                .toList());
    }

    @GetMapping("/reviews")
    List<Analytics.ReviewRow> reviews(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String department) {
        return analytics.reviews(filter(from, to, department));
    }

    @GetMapping("/reviews/csv")
    ResponseEntity<byte[]> reviewsCsv(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String department) {
        return Csv.of("reviews.csv", List.of("类别", "作出决定案件数", "经法制审核", "法制审核率", "法制审核次数", "审核未通过",
                "审核未通过率", "举行听证", "听证率"), reviews(from, to, department).stream()
                .map(r -> List.<Object>of(r.name(), r.decided(), r.reviewed(), nz(r.reviewRate()), r.reviews(),
                        r.rejected(), nz(r.rejectionRate()), r.hearings(), nz(r.hearingRate()))).toList());
    }

    @GetMapping("/workload")
    List<Analytics.WorkloadRow> workload(@RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String department) {
        return analytics.workload(filter(from, to, department));
    }

    @GetMapping("/workload/csv")
    ResponseEntity<byte[]> workloadCsv(@RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String department) {
        return Csv.of("workload.csv", List.of("承办人", "部门", "在办案件", "已办结案件"), workload(from, to, department)
                .stream().map(w -> List.<Object>of(w.officerName(), w.departmentName(), w.open(), w.closed())).toList());
    }

    @GetMapping("/scores")
    Analytics.ScoreDistribution scores(@RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String department) {
        return analytics.scores(filter(from, to, department));
    }

    @GetMapping("/scores/csv")
    ResponseEntity<byte[]> scoresCsv(@RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String department) {
        Analytics.ScoreDistribution scores = scores(from, to, department);
        List<List<Object>> rows = new ArrayList<>();
        scores.bands().forEach(b -> rows.add(List.of(b.name(), b.count())));
        rows.add(List.of("不合格（否决项）", scores.failed()));
        return Csv.of("scores.csv", List.of("得分段", "案卷数"), rows);
    }

    @GetMapping("/risks")
    Analytics.Risks risks(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) String department) {
        return analytics.risks(filter(from, to, department));
    }

    /** Every risk flag in one table: the flag, the case (or officer and party) and what raised it, in Chinese. */
    @GetMapping("/risks/csv")
    ResponseEntity<byte[]> allRisksCsv(@RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String department) {
        Analytics.Risks risks = risks(from, to, department);
        List<List<Object>> rows = new ArrayList<>();
        risks.finesAtEdges().forEach(r -> rows.add(List.of("罚款处于裁量基准边缘", nz(r.caseNumber()),
                analytics.departmentName(r.departmentId()), analytics.officerName(r.handlerId()), nz(r.partyName()),
                "罚款 " + amount(r.fine()) + " 元，裁量基准 " + amount(r.minFine()) + "–" + amount(r.maxFine()) + " 元")));
        risks.repeatedParties().forEach(r -> rows.add(List.of("同一承办人多次办理同一当事人案件", "",
                analytics.departmentName(r.departmentId()), analytics.officerName(r.handlerId()), nz(r.partyName()),
                r.cases() + " 件，首次立案 " + day(r.firstStarted()) + "，最近立案 " + day(r.lastStarted()))));
        risks.inspectionsWithoutFollowUp().forEach(r -> rows.add(List.of("检查发现问题但无后续处理", nz(r.caseNumber()),
                analytics.departmentName(r.departmentId()), analytics.officerName(r.handlerId()), nz(r.partyName()),
                "检查结论 " + INSPECTION_RESULTS.getOrDefault(r.detail(), String.valueOf(nz(r.detail())))
                        + "，办结 " + day(r.endedAt()))));
        risks.latePublications().forEach(r -> rows.add(List.of("决定公示超期", nz(r.caseNumber()),
                analytics.departmentName(r.departmentId()), analytics.officerName(r.handlerId()), "",
                "决定 " + day(r.decidedAt()) + "，应于 " + day(r.dueAt()) + " 前公示，"
                        + (r.publishedAt() == null ? "尚未公示" : day(r.publishedAt()) + " 公示")
                        + "（" + PUBLICATION_STATUSES.getOrDefault(r.status(), String.valueOf(nz(r.status()))) + "）")));
        return Csv.of("risks.csv", List.of("风险类型", "案号", "部门", "承办人", "当事人", "情况"), rows);
    }

    private String day(Date value) {
        return value == null ? "" : clock.toDate(value).toString();
    }

    private static String amount(Double value) {
        return value == null ? "" : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @GetMapping("/risks/{flag}/csv")
    ResponseEntity<byte[]> risksCsv(@PathVariable String flag, @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String department) {
        Analytics.Risks risks = risks(from, to, department);
        return switch (flag) {
            case "fines-at-edges" -> Csv.of("fines-at-edges.csv", List.of("案号", "部门", "承办人", "当事人", "罚款金额",
                    "裁量基准下限", "裁量基准上限"), risks.finesAtEdges().stream().map(r -> List.<Object>of(r.caseNumber(),
                    analytics.departmentName(r.departmentId()), analytics.officerName(r.handlerId()), nz(r.partyName()),
                    r.fine(), r.minFine(), r.maxFine())).toList());
            case "repeated-parties" -> Csv.of("repeated-parties.csv", List.of("承办人", "部门", "当事人", "案件数",
                    "首次立案", "最近立案"), risks.repeatedParties().stream().map(r -> List.<Object>of(
                    analytics.officerName(r.handlerId()), analytics.departmentName(r.departmentId()), r.partyName(),
                    r.cases(), r.firstStarted(), r.lastStarted())).toList());
            case "inspections-without-follow-up" -> Csv.of("inspections-without-follow-up.csv", List.of("案号", "部门",
                    "检查人员", "检查对象", "检查结论", "办结时间"), risks.inspectionsWithoutFollowUp().stream()
                    .map(r -> List.<Object>of(r.caseNumber(), analytics.departmentName(r.departmentId()),
                            analytics.officerName(r.handlerId()), nz(r.partyName()), nz(r.detail()), nz(r.endedAt())))
                    .toList());
            case "late-publications" -> Csv.of("late-publications.csv", List.of("案号", "部门", "承办人", "决定日期",
                    "应公示期限", "公示时间", "状态"), risks.latePublications().stream().map(r -> List.<Object>of(
                    r.caseNumber(), analytics.departmentName(r.departmentId()), analytics.officerName(r.handlerId()),
                    r.decidedAt(), r.dueAt(), nz(r.publishedAt()), r.status())).toList());
            default -> throw ApiException.badRequest("invalid-flag", "风险类型无效（可选：fines-at-edges、repeated-parties、"
                    + "inspections-without-follow-up、late-publications）", "Invalid risk flag: " + flag);
        };
    }

    private Analytics.Filter filter(String from, String to, String department) {
        access.requireAnalytics(StaffUser.require());
        QueryParameters.Period period = QueryParameters.period(from, to);
        if (department != null && organization.department(department).isEmpty()) {
            throw ApiException.badRequest("invalid-department", "部门不存在：" + department, "Unknown department: " + department);
        }
        return new Analytics.Filter(period.start(clock), period.endExclusive(clock), department);
    }

    private static Object nz(Object value) {
        return value == null ? "" : value;
    }
}
