package org.sunlight.supervision.internal.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;


import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.Department;
import org.sunlight.organization.Officer;
import org.sunlight.organization.Organization;
import org.sunlight.organization.Roles;
import org.sunlight.organization.StaffUser;
import org.sunlight.procedure.CaseInfo;
import org.sunlight.procedure.Cases;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.supervision.internal.QueryParameters;
import org.sunlight.supervision.internal.analytics.Csv;

/**
 * 案卷评查 over HTTP: a closed case's score (supervisors, leaders, administrators), the pre-check of a case (its
 * handler too), and the list of scores with CSV export. Supervisors only read here.
 */
@RestController
class ScoreController {

    /** Case numbers are the business keys Sunlight assigns: CF-2026-00001 and the like. */
    private static final Pattern BUSINESS_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    private static final Map<String, String> ORDER = Map.of(
            "score", "score", "date", "closed_at", "department", "department_id");
    static final int MAX_PAGE = 200;
    static final int MAX_EXPORT = 10000;
    /** Closed cases scored (or rescored after a new checklist) per list request; the rest follow on later reads. */
    static final int RESCORE_BATCH = 500;

    private final Cases cases;
    private final CaseScoring scoring;
    private final ScoreMapper mapper;
    private final Organization organization;
    private final StatutoryClock clock;

    ScoreController(Cases cases, CaseScoring scoring, ScoreMapper mapper, Organization organization,
                    StatutoryClock clock) {
        this.cases = cases;
        this.scoring = scoring;
        this.mapper = mapper;
        this.organization = organization;
        this.clock = clock;
    }

    /** Supervisors (监督人员) and leaders read scores; so do administrators. Officers and reviewers do not. */
    private static StaffUser requireSupervision() {
        StaffUser user = StaffUser.require();
        if (!(user.hasRole(Roles.SUPERVISOR) || user.hasRole(Roles.LEADER) || user.isAdmin())) {
            throw ApiException.forbidden("只有监督人员和负责人可以查看案卷评查结果",
                    "Only supervisors and leaders may read case-file scores");
        }
        return user;
    }

    private CaseInfo caseOf(String businessKey) {
        if (businessKey == null || !BUSINESS_KEY.matcher(businessKey).matches()) {
            throw ApiException.badRequest("bad-business-key", "案号格式不正确", "Malformed case number (business key)");
        }
        return cases.find(businessKey).orElseThrow(() -> ApiException.notFound("案件不存在：" + businessKey,
                "No such case: " + businessKey));
    }

    @GetMapping("/api/cases/{businessKey}/score")
    CaseScore score(@PathVariable String businessKey) {
        requireSupervision();
        return scoring.current(caseOf(businessKey));
    }

    /**
     * What would cost points if the case were decided and closed now: for its handler before the decision, and for
     * supervisors and leaders. Other officers of the department get 403; officers of other departments 404.
     */
    @GetMapping("/api/cases/{businessKey}/score/precheck")
    CaseScore precheck(@PathVariable String businessKey) {
        StaffUser user = StaffUser.require();
        caseOf(businessKey);
        CaseInfo info = cases.requireReadable(businessKey, user);
        boolean supervision = user.hasRole(Roles.SUPERVISOR) || user.hasRole(Roles.LEADER) || user.isAdmin();
        if (!supervision && !user.userId().equals(info.handlerId())) {
            throw ApiException.forbidden("评查预检仅限本案承办人、监督人员和负责人查看",
                    "Only the case's handler, supervisors and leaders may read its pre-check");
        }
        return scoring.precheck(info);
    }

    @GetMapping("/api/supervision/scores")
    Map<String, Object> list(@RequestParam(required = false) String procedure,
                             @RequestParam(required = false) String department,
                             @RequestParam(required = false) Boolean passed,
                             @RequestParam(required = false) Integer minScore,
                             @RequestParam(required = false) Integer maxScore,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(defaultValue = "date") String sort,
                             @RequestParam(defaultValue = "desc") String order,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        requireSupervision();
        int offset = QueryParameters.offset(page, size, MAX_PAGE);
        ScoreFilter filter = filter(procedure, department, passed, minScore, maxScore, from, to, sort, order, size,
                offset);
        scoring.rescoreOutdated(RESCORE_BATCH);
        Map<String, String> departments = departmentNames();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", mapper.count(filter));
        answer.put("page", page);
        answer.put("size", size);
        answer.put("passMark", scoring.passMark());
        answer.put("items", mapper.list(filter).stream().map(row -> item(row, departments)).toList());
        return answer;
    }

    /** Departments for the page's filter. */
    @GetMapping("/api/supervision/scores/departments")
    List<Map<String, String>> departments() {
        requireSupervision();
        return organization.departments().stream().map(d -> Map.of("id", d.id(), "name", d.name())).toList();
    }

    /** The same list as CSV ({@link Csv}: what Excel on a Chinese Windows opens as it is), one row per case. */
    @GetMapping("/api/supervision/scores.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String procedure,
                               @RequestParam(required = false) String department,
                               @RequestParam(required = false) Boolean passed,
                               @RequestParam(required = false) Integer minScore,
                               @RequestParam(required = false) Integer maxScore,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(defaultValue = "date") String sort,
                               @RequestParam(defaultValue = "desc") String order) {
        requireSupervision();
        ScoreFilter filter = filter(procedure, department, passed, minScore, maxScore, from, to, sort, order, MAX_EXPORT,
                0);
        scoring.rescoreOutdated(RESCORE_BATCH);
        Map<String, String> departments = departmentNames();
        List<List<Object>> rows = new ArrayList<>();
        for (StoredScore row : mapper.list(filter)) {
            String items = scoring.read(row.findings()).stream()
                    .map(f -> f.label() + "（" + f.code() + ("veto".equals(f.kind()) ? "，否决" : "，扣" + f.points() + "分") + "）")
                    .collect(Collectors.joining("；"));
            rows.add(Arrays.asList(row.caseNumber(), row.businessKey(), procedureName(row),
                    departments.getOrDefault(row.departmentId(), row.departmentId()), handlerName(row.handlerId()),
                    row.partyName(), row.score(), row.passed() ? "合格" : "不合格", row.vetoCount(), items,
                    row.checklistVersion(), row.closedAt(), row.scoredAt()));
        }
        return Csv.of("scores-" + clock.today() + ".csv", "案卷评查-" + clock.today() + ".csv", List.of("案号", "业务键", "程序", "承办部门", "承办人", "当事人", "得分",
                "是否合格", "否决项数", "评查项", "评查标准版本", "结案时间", "评查时间"), rows);
    }

    private ScoreFilter filter(String procedure, String department, Boolean passed, Integer minScore,
                               Integer maxScore, String from, String to, String sort, String order, int size,
                               int offset) {
        String column = ORDER.get(sort);
        if (column == null || !("asc".equals(order) || "desc".equals(order))) {
            throw ApiException.badRequest("bad-sort", "排序参数不正确：sort 可为 score、date、department，order 可为 asc、desc",
                    "Bad sort: sort is score, date or department; order is asc or desc");
        }
        if (procedure != null && !procedure.isBlank() && !CaseScoring.PROCEDURES.contains(procedure)) {
            throw ApiException.badRequest("bad-procedure",
                    "程序不正确：procedure 可为 " + String.join("、", CaseScoring.PROCEDURES),
                    "Bad procedure: one of " + String.join(", ", CaseScoring.PROCEDURES));
        }
        if (department != null && !BUSINESS_KEY.matcher(department).matches()) {
            throw ApiException.badRequest("bad-department", "部门编号不正确", "Malformed department id");
        }
        QueryParameters.Period closed = QueryParameters.period(from, to);
        return new ScoreFilter(department == null || department.isBlank() ? null : department, passed, minScore,
                maxScore, closed.start(clock), closed.endExclusive(clock), column + " " + order, size, offset,
                procedure == null || procedure.isBlank() ? null : procedure);
    }

    private static String procedureName(StoredScore row) {
        return CaseScoring.PROCEDURE_NAMES.getOrDefault(row.processKey(), row.processKey());
    }

    /** The procedures a score can be of, for the page's filter. */
    @GetMapping("/api/supervision/scores/procedures")
    List<Map<String, String>> procedures() {
        requireSupervision();
        return CaseScoring.PROCEDURE_NAMES.entrySet().stream()
                .map(e -> Map.of("id", e.getKey(), "name", e.getValue())).toList();
    }

    /** A person reads the officer's name, not the account. */
    private String handlerName(String userId) {
        return userId == null ? null : organization.officer(userId).map(Officer::name).orElse(userId);
    }

    private Map<String, String> departmentNames() {
        return organization.departments().stream().collect(Collectors.toMap(Department::id, Department::name,
                (a, b) -> a));
    }

    private Map<String, Object> item(StoredScore row, Map<String, String> departments) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("businessKey", row.businessKey());
        item.put("caseNumber", row.caseNumber());
        item.put("procedure", row.processKey());
        item.put("procedureName", procedureName(row));
        item.put("departmentId", row.departmentId());
        item.put("departmentName", departments.getOrDefault(row.departmentId(), row.departmentId()));
        item.put("handlerId", row.handlerId());
        item.put("handlerName", handlerName(row.handlerId()));
        item.put("partyName", row.partyName());
        item.put("score", row.score());
        item.put("passed", row.passed());
        item.put("vetoCount", row.vetoCount());
        item.put("checklistVersion", row.checklistVersion());
        item.put("closedAt", row.closedAt());
        item.put("scoredAt", row.scoredAt());
        item.put("findings", scoring.read(row.findings()));
        return item;
    }
}
