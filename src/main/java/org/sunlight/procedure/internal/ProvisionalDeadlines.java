package org.sunlight.procedure.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.DeadlineMoved;
import org.sunlight.procedure.StatutoryClock;

/**
 * Deadlines counted through a year whose holiday schedule was missing, made right when the schedule is loaded.
 * cn-workday-calendar.yaml has Sunlight count such a year as weekends only (and say so) until an administrator loads
 * the State Council's notice; a deadline counted meanwhile would otherwise stay as counted — a hearing request window
 * over 元旦 one day short, and the party's timely request refused (行政处罚法第六十四条、第八十五条).
 * <p>
 * {@link StatutoryClock} tells {@link #note} of every count made for a case that touches a year without a schedule;
 * the count is kept (sl_provisional_deadline). Loading the year ({@link #recount}) counts each again and moves what of
 * the case still stands on the old day — timers, task due dates and date variables at the end of that day — to the end
 * of the new one, in the order the counts were made, so that a period counted from a moved one (an extension) moves
 * with it. The moves are ordinary engine changes, in the case's history and record like any other; modules that keep
 * a copy of a deadline in their own tables hear of each move ({@link DeadlineMoved}).
 * <p>
 * The case a count belongs to is the execution the engine is working in: the one a listener or delegate was invoked
 * for (seen by wrapping the engine's {@link DelegateInterceptor}), else the one of the current atomic operation (due
 * dates and timers). A count made outside any case (a report, a REST check) is not kept: it is made again when needed.
 */
@Component
public class ProvisionalDeadlines extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisionalDeadlines.class);
    private static final ThreadLocal<Deque<String>> INVOKED_FOR = ThreadLocal.withInitial(ArrayDeque::new);
    private static final ThreadLocal<Boolean> RECOUNTING = ThreadLocal.withInitial(() -> false);

    public static final String WORKING_DAYS = "working-days";
    public static final String CALENDAR_DAYS = "calendar-days";
    public static final String MONTHS = "months";

    private final ProvisionalDeadlineMapper mapper;
    private final WorkCalendar calendar;
    private final ObjectProvider<StatutoryClock> clock;
    private final ObjectProvider<RuntimeService> runtime;
    private final ObjectProvider<TaskService> tasks;
    private final ObjectProvider<ManagementService> management;
    private final ApplicationEventPublisher events;

    ProvisionalDeadlines(ProvisionalDeadlineMapper mapper, WorkCalendar calendar, ObjectProvider<StatutoryClock> clock,
                         ObjectProvider<RuntimeService> runtime, ObjectProvider<TaskService> tasks,
                         ObjectProvider<ManagementService> management, ApplicationEventPublisher events) {
        this.events = events;
        this.mapper = mapper;
        this.calendar = calendar;
        this.clock = clock;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DelegateInterceptor engines = configuration.getDelegateInterceptor();
        configuration.setDelegateInterceptor(invocation -> {
            BaseDelegateExecution execution = invocation.getContextExecution();
            String instance = execution instanceof DelegateExecution e ? e.getProcessInstanceId() : null;
            if (instance == null) {
                engines.handleInvocation(invocation);
                return;
            }
            INVOKED_FOR.get().push(instance);
            try {
                engines.handleInvocation(invocation);
            } finally {
                INVOKED_FOR.get().pop();
            }
        });
    }

    /** A count was made: kept if it is a case's and touches a year without a schedule. */
    public void note(String kind, LocalDate start, int amount, LocalDate result) {
        if (RECOUNTING.get() || Context.getCommandContext() == null) {
            return;
        }
        int first = Math.min(start.getYear(), result.getYear());
        int last = Math.max(start.getYear(), result.getYear());
        boolean provisional = false;
        for (int year = first; year <= last && !provisional; year++) {
            provisional = !calendar.hasSchedule(year);
        }
        if (!provisional) {
            return;
        }
        String instance = INVOKED_FOR.get().peek();
        if (instance == null) {
            BpmnExecutionContext context = Context.getBpmnExecutionContext();
            instance = context == null || context.getExecution() == null ? null
                    : context.getExecution().getProcessInstanceId();
        }
        if (instance != null) {
            mapper.insert(instance, kind, start, amount, result, first, last, clock.getObject().now());
        }
    }

    /** What a load of a year's schedule changed in running cases. */
    public record Moved(String processInstanceId, String businessKey, LocalDate from, LocalDate to, int items) {
    }

    /**
     * The year's schedule was loaded (in the current transaction): every count through it is made again, and what of
     * its case still stands on the old day is moved to the new one.
     */
    public List<Moved> recount(int year) {
        StatutoryClock statutory = clock.getObject();
        List<Moved> moved = new ArrayList<>();
        // per case, the days already moved: a count that started on a moved day starts on the new one
        Map<String, Map<LocalDate, LocalDate>> shifted = new HashMap<>();
        RECOUNTING.set(true);
        try {
            for (ProvisionalDeadlineMapper.Row row : mapper.touching(year)) {
                Map<LocalDate, LocalDate> ofCase = shifted.computeIfAbsent(row.processInstanceId(), k -> new HashMap<>());
                LocalDate start = ofCase.getOrDefault(row.startDay(), row.startDay());
                LocalDate counted = switch (row.kind()) {
                    case WORKING_DAYS -> statutory.addWorkingDays(start, row.amount());
                    case CALENDAR_DAYS -> statutory.addCalendarDays(start, row.amount());
                    case MONTHS -> statutory.addMonths(start, row.amount());
                    default -> row.resultDay();
                };
                if (!counted.equals(row.resultDay())) {
                    ofCase.put(row.resultDay(), counted);
                    moved.add(move(statutory, row.processInstanceId(), row.resultDay(), counted));
                    mapper.moved(row.id(), counted);
                }
                boolean settled = true;
                for (int y = Math.min(row.firstYear(), counted.getYear()); y <= Math.max(row.lastYear(), counted.getYear()); y++) {
                    settled &= calendar.hasSchedule(y);
                }
                if (settled) {
                    mapper.delete(row.id());
                }
            }
        } finally {
            RECOUNTING.set(false);
        }
        moved.removeIf(m -> m.items() == 0);
        if (!moved.isEmpty()) {
            LOG.info("Holiday schedule of {} loaded: moved the deadlines of {} counts in running cases", year, moved.size());
        }
        return moved;
    }

    /** Moves the case's timers, task due dates and date variables that stand at the end of {@code from}. */
    private Moved move(StatutoryClock statutory, String processInstanceId, LocalDate from, LocalDate to) {
        Date old = statutory.endOfDay(from);
        Date now = statutory.endOfDay(to);
        long days = ChronoUnit.DAYS.between(from, to);
        ProcessInstance instance = runtime.getObject().createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        if (instance == null) {
            return new Moved(processInstanceId, null, from, to, 0); // the case has ended meanwhile
        }
        // the case: its called procedures, and the procedures Sunlight started for it (the publication's review)
        java.util.Set<String> instances = new java.util.LinkedHashSet<>();
        runtime.getObject().createProcessInstanceQuery().rootProcessInstanceId(instance.getRootProcessInstanceId())
                .list().forEach(p -> instances.add(p.getId()));
        if (instance.getBusinessKey() != null) {
            runtime.getObject().createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
                    .list().forEach(p -> instances.add(p.getId()));
        }
        int items = 0;
        for (String id : instances) {
            for (Job job : management.getObject().createJobQuery().processInstanceId(id).timers().list()) {
                if (old.equals(job.getDuedate())) {
                    management.getObject().setJobDuedate(job.getId(), now);
                    items++;
                }
            }
            for (Task task : tasks.getObject().createTaskQuery().processInstanceId(id).list()) {
                if (old.equals(task.getDueDate())) {
                    task.setDueDate(now);
                    tasks.getObject().saveTask(task);
                    items++;
                }
            }
            for (VariableInstance variable : runtime.getObject().createVariableInstanceQuery().processInstanceIdIn(id)
                    .disableBinaryFetching().disableCustomObjectDeserialization().list()) {
                if (!(variable.getValue() instanceof Date value) || !value.equals(old)) {
                    continue;
                }
                if (variable.getTaskId() != null) {
                    tasks.getObject().setVariableLocal(variable.getTaskId(), variable.getName(), now);
                } else {
                    runtime.getObject().setVariableLocal(variable.getExecutionId(), variable.getName(), now);
                }
                items++;
            }
        }
        if (instance.getBusinessKey() != null) {
            events.publishEvent(new DeadlineMoved(instance.getBusinessKey(), old, now));
        }
        LOG.debug("Case {}: {} deadlines moved by {} days, {} → {}", instance.getBusinessKey(), items, days, from, to);
        return new Moved(processInstanceId, instance.getBusinessKey(), from, to, items);
    }
}
