package org.sunlight.supervision.internal.watch;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.TimeZone;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.organization.Roles;
import org.sunlight.procedure.StatutoryClock;

/**
 * Escalation to the leader (超期督办): a case past a statutory or promised limit — or within the warning window, where
 * local policy says so (escalate-when-nearing) — gets, in one transaction,
 * <ul>
 * <li>a task 督办 for the group {@code leader} in Tasklist, naming the case, the limit and its basis;</li>
 * <li>a comment on the case's process instance, which the whole-process record chains and shows in the case's
 * timeline (意见) like every other comment;</li>
 * <li>a row in sl_deadline_escalation, unique per case and limit: each limit is escalated exactly once, also when
 * several nodes run the escalation at the same time (the loser's transaction rolls back whole).</li>
 * </ul>
 * A suspended clock is not escalated: the period does not run (行政许可法第四十五条, 行政强制法第二十五条).
 */
@Component
class Escalations {

    private static final Logger LOG = LoggerFactory.getLogger(Escalations.class);

    private final DeadlineWatch watch;
    private final DeadlineMapper mapper;
    private final TaskService taskService;
    private final TransactionTemplate transaction;
    private final StatutoryClock clock;

    Escalations(DeadlineWatch watch, DeadlineMapper mapper, TaskService taskService, TransactionTemplate transaction,
                StatutoryClock clock) {
        this.watch = watch;
        this.mapper = mapper;
        this.taskService = taskService;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Escalates every case limit that is due for it and not yet escalated; answers how many were escalated. */
    int escalateDue() {
        int escalated = 0;
        for (DeadlineWatch.Item item : watch.list(null, null, null)) {
            boolean due = "overdue".equals(item.state())
                    || ("nearing".equals(item.state()) && watch.properties().escalateWhenNearing());
            if (!"case".equals(item.kind()) || !due || mapper.escalated(item.businessKey(), item.limitKind()) > 0) {
                continue;
            }
            try {
                transaction.executeWithoutResult(status -> escalate(item));
                escalated++;
            } catch (DuplicateKeyException e) {
                LOG.debug("{} {} was escalated by another node", item.businessKey(), item.limitKind());
            }
        }
        return escalated;
    }

    private void escalate(DeadlineWatch.Item item) {
        String stage = "overdue".equals(item.state()) ? "已超期" : "即将到期";
        String message = "期限督办：" + item.caseNumber() + "（" + item.procedureName() + "，承办人" + item.officerName()
                + "）" + item.limitName() + "于" + format(item.dueAt()) + "到期，" + stage + "，已报请负责人督办。依据："
                + item.basis();
        Task task = taskService.newTask();
        task.setName("督办：" + item.caseNumber() + item.limitName().replaceAll("（.*）", "") + stage);
        task.setDescription(message);
        task.setPriority(80);
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), Roles.LEADER);
        taskService.createComment(null, item.processInstanceId(), message);
        mapper.insertEscalation(new DeadlineMapper.Escalation(item.businessKey(), item.caseNumber(), item.limitKind(),
                item.state(), item.dueAt(), clock.now(), task.getId(), item.departmentId(), item.officerId()));
        LOG.info("Escalated {} {} ({}) to the leader", item.businessKey(), item.limitKind(), item.state());
    }

    private String format(Date date) {
        SimpleDateFormat format = new SimpleDateFormat("yyyy年M月d日");
        format.setTimeZone(TimeZone.getTimeZone(clock.zone()));
        return format.format(date);
    }
}
