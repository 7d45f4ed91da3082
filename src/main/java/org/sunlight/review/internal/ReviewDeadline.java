package org.sunlight.review.internal;

import java.util.Date;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.StatutoryClock;

/** The legal review's due date, read by legal-review.bpmn as {@code ${reviewDeadline.due()}}. */
@Component("reviewDeadline")
@EnableConfigurationProperties(ReviewPolicy.class)
public class ReviewDeadline {

    private final StatutoryClock clock;
    private final ReviewPolicy policy;

    ReviewDeadline(StatutoryClock clock, ReviewPolicy policy) {
        this.clock = clock;
        this.policy = policy;
    }

    /** The configured number of working days from now (the submission), on the official working-day calendar. */
    public Date due() {
        return clock.workingDaysAfter(clock.now(), policy.workingDays());
    }

    int workingDays() {
        return policy.workingDays();
    }
}
