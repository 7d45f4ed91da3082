package org.sunlight.supervision.internal.watch;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.Organization;
import org.sunlight.organization.StaffUser;
import org.sunlight.supervision.internal.analytics.Csv;

/** The deadline watch (期限监督): GET only — supervision reads, it never changes a case. */
@RestController
@RequestMapping("/api/supervision/deadlines")
class DeadlineController {

    private final DeadlineWatch watch;
    private final SupervisionAccess access;
    private final Organization organization;
    private final DeadlineMapper mapper;

    DeadlineController(DeadlineWatch watch, SupervisionAccess access, Organization organization, DeadlineMapper mapper) {
        this.watch = watch;
        this.access = access;
        this.organization = organization;
        this.mapper = mapper;
    }

    record Option(String id, String name, String departmentId) {
    }

    /** The list with the filter choices the user has (their own department only, unless they read all). */
    record DeadlineList(int warningWorkingDays, List<DeadlineWatch.Item> items, List<Option> departments,
                        List<Option> officers) {
    }

    @GetMapping
    DeadlineList list(@RequestParam(required = false) String department, @RequestParam(required = false) String officer,
                      @RequestParam(required = false) String state) {
        List<DeadlineWatch.Item> items = items(department, officer, state);
        StaffUser user = StaffUser.require();
        String scope = access.departmentFilter(user, null);
        List<Option> departments = organization.departments().stream()
                .filter(d -> scope == null || scope.equals(d.id())).map(d -> new Option(d.id(), d.name(), d.id())).toList();
        List<Option> officers = organization.officers().stream()
                .filter(o -> scope == null || scope.equals(o.departmentId()))
                .map(o -> new Option(o.userId(), o.name(), o.departmentId())).toList();
        return new DeadlineList(watch.properties().warningWorkingDays(), items, departments, officers);
    }

    @GetMapping("/csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String department,
                               @RequestParam(required = false) String officer,
                               @RequestParam(required = false) String state) {
        List<List<Object>> rows = items(department, officer, state).stream().map(i -> List.<Object>of(
                nz(i.caseNumber()), nz(i.procedureName()), nz(i.departmentName()), nz(i.officerName()),
                nz(i.taskName()), nz(i.limitName()), nz(i.basis()), i.dueAt(), nz(i.stateName()),
                i.workingDaysLeft() == null ? "" : i.workingDaysLeft(), i.pause() == null ? "" : i.pause().reason()))
                .toList();
        return Csv.of("deadlines.csv", List.of("案号", "程序", "部门", "承办人", "环节", "时限", "依据", "到期时间", "状态",
                "剩余工作日", "中止原因"), rows);
    }

    /**
     * A procedure's limits side by side: statutory (with its article) and promised (local policy); one more row per
     * kind of case with limits of its own ({@code variant} its name, null on the procedure's own row).
     */
    record Limits(String processKey, String name, String statutory, String statutoryBasis, String promised,
                  String promisedBasis, String variant) {
    }

    @GetMapping("/limits")
    List<Limits> limits() {
        StaffUser.require();
        return watch.properties().procedures().entrySet().stream().flatMap(e -> {
            WatchProperties.Procedure p = e.getValue();
            Stream<Limits> own = Stream.of(new Limits(e.getKey(), p.name(), p.statutory().text(), p.statutory().basis(),
                    p.promised() == null ? null : p.promised().text(), p.promised() == null ? null : p.promised().basis(),
                    null));
            return Stream.concat(own, p.variants().stream().map(v -> new Limits(e.getKey(), p.name() + "（" + v.name() + "）",
                    v.statutory().text(), v.statutory().basis(), v.promised() == null ? null : v.promised().text(),
                    v.promised() == null ? null : v.promised().basis(), v.name())));
        }).toList();
    }

    @GetMapping("/escalations")
    List<DeadlineMapper.Escalation> escalations(@RequestParam(required = false) String department) {
        return mapper.escalations(access.departmentFilter(StaffUser.require(), department));
    }

    private List<DeadlineWatch.Item> items(String department, String officer, String state) {
        StaffUser user = StaffUser.require();
        if (state != null && !DeadlineWatch.STATES.contains(state)) {
            throw ApiException.badRequest("invalid-state", "状态无效（可选：overdue 已超期、nearing 即将到期、suspended 期限中止）",
                    "Invalid state (overdue, nearing, suspended)");
        }
        if (officer != null && organization.officer(officer).isEmpty()) {
            throw ApiException.badRequest("invalid-officer", "执法人员不存在：" + officer, "Unknown officer: " + officer);
        }
        return watch.list(access.departmentFilter(user, department), officer, state);
    }

    private static Object nz(Object value) {
        return value == null ? "" : value;
    }
}
