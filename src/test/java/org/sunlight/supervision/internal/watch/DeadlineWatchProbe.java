package org.sunlight.supervision.internal.watch;

import java.util.Date;
import java.util.List;

import org.springframework.stereotype.Component;

/** The deadline watch as tests read it: the rows of one case. */
@Component
public class DeadlineWatchProbe {

    public record Row(String limitKind, String taskName, String state, Date dueAt, Integer workingDaysLeft,
                      String basis, String pauseReason, Integer pausedWorkingDays) {
    }

    private final DeadlineWatch watch;
    private final Escalations escalations;

    DeadlineWatchProbe(DeadlineWatch watch, Escalations escalations) {
        this.watch = watch;
        this.escalations = escalations;
    }

    /** One round of the escalation job. */
    public int escalate() {
        return escalations.escalateDue();
    }

    /** The whole list, every department: how many rows. */
    public int all() {
        return watch.list(null, null, null).size();
    }

    public List<Row> rows(String businessKey) {
        return rows(businessKey, null, null, null);
    }

    public List<Row> rows(String businessKey, String department, String officer, String state) {
        return watch.list(department, officer, state).stream().filter(i -> businessKey.equals(i.businessKey()))
                .map(i -> new Row(i.limitKind(), i.taskName(), i.state(), i.dueAt(), i.workingDaysLeft(), i.basis(),
                        i.pause() == null ? null : i.pause().reason(),
                        i.pause() == null ? null : i.pause().pausedWorkingDays()))
                .toList();
    }

    public Row row(String businessKey, String limitKind, String taskName) {
        return rows(businessKey).stream().filter(r -> r.limitKind().equals(limitKind)
                && (taskName == null || taskName.equals(r.taskName()))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + limitKind + " row for " + businessKey + ": " + rows(businessKey)));
    }
}
