package org.sunlight.supervision.internal.watch;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deadline watch (sunlight.supervision.watch.*). Statutory limits are the procedures' own: each procedure computes
 * its due date with the statutory clock into a process variable ({@code dueVariable}); the watch reads it and cites
 * the article. Promised limits (承诺时限) are local policy published in the service guide, so they are configuration.
 *
 * @param warningWorkingDays   a limit is "nearing" from this many working days before it ends (local policy)
 * @param escalateWhenNearing  escalate to the leader already when a limit is nearing (else only when it is past)
 * @param schedulingEnabled    run the escalation on a schedule (off in tests, which call it themselves)
 * @param escalationInterval   how often the escalation looks for cases to escalate
 * @param procedures           per process definition key: how its case-level limits are found
 */
@ConfigurationProperties("sunlight.supervision.watch")
public record WatchProperties(int warningWorkingDays, boolean escalateWhenNearing, boolean schedulingEnabled,
                       Duration escalationInterval, Map<String, Procedure> procedures) {

    public WatchProperties {
        procedures = procedures == null ? Map.of() : new LinkedHashMap<>(procedures);
    }

    /**
     * @param name             the procedure's Chinese name
     * @param startVariable    process variable (a date) where the limited period starts (立案、受理、实施强制措施)
     * @param dueVariable      process variable (a date) the procedure keeps its statutory due date in
     * @param finishedVariable process variable (a date) when the limited act was done (the decision)
     * @param clock            the named case clock whose pauses (CaseClocks) suspend the period; empty: none
     * @param statutory        the statutory limit, with its article
     * @param promised         the promised limit (local policy); null: none promised
     * @param variantVariable  process variable (a string) that tells kinds of cases with other limits apart, e.g. a
     *                         licence handled jointly (行政许可法第四十二条第二款); empty: one kind only
     * @param variants         the kinds with other limits, first match on the variable's value wins; a case of no
     *                         listed kind has the limits above
     */
    public record Procedure(String name, String startVariable, String dueVariable, String finishedVariable, String clock,
                     Limit statutory, Limit promised, String variantVariable, List<Variant> variants) {

        public Procedure {
            variants = variants == null ? List.of() : List.copyOf(variants);
        }

        /** The kind of case whose variant variable holds {@code value}; null: the procedure's own limits apply. */
        public Variant variant(String value) {
            return value == null ? null : variants.stream().filter(v -> v.values().contains(value)).findFirst().orElse(null);
        }
    }

    /**
     * Cases of a procedure with limits of their own. The variant replaces both limits: its statutory limit cites its
     * own article (the due date is still the procedure's own due variable), and a promise made for the ordinary cases
     * does not bind these — {@code promised} null means none is promised for them.
     *
     * @param name      what the kind is called (Chinese), shown beside the procedure's name
     * @param values    the values of the procedure's variant variable that mark the kind
     * @param statutory the statutory limit, with its article
     * @param promised  the promised limit (local policy, the service guide); null: none promised
     */
    public record Variant(String name, List<String> values, Limit statutory, Limit promised) {

        public Variant {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /**
     * @param days  length of the period
     * @param unit  {@code working} (工作日) or {@code calendar} (日)
     * @param basis the article (statutory) or the local rule (promised) that sets it
     */
    public record Limit(int days, String unit, String basis) {

        public boolean workingDays() {
            return "working".equals(unit);
        }

        public String text() {
            return days + (workingDays() ? "个工作日" : "日");
        }
    }
}
