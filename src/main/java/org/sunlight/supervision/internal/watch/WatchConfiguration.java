package org.sunlight.supervision.internal.watch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration
@EnableConfigurationProperties(WatchProperties.class)
class WatchConfiguration {

    /** The escalation on a schedule, on every node (the unique index keeps each escalation single). */
    @Configuration
    @EnableScheduling
    @ConditionalOnProperty(name = "sunlight.supervision.watch.scheduling-enabled", havingValue = "true",
            matchIfMissing = true)
    static class Schedule {

        private static final Logger LOG = LoggerFactory.getLogger(Schedule.class);

        private final Escalations escalations;

        Schedule(Escalations escalations) {
            this.escalations = escalations;
        }

        @Scheduled(fixedDelayString = "${sunlight.supervision.watch.escalation-interval}", initialDelayString = "PT30S")
        void escalate() {
            try {
                escalations.escalateDue();
            } catch (RuntimeException e) {
                LOG.warn("Deadline escalation round failed: {}", e.getMessage());
            }
        }
    }
}
