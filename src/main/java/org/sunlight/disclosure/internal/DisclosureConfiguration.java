package org.sunlight.disclosure.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.sunlight.procedure.StatutoryClock;

@Configuration
@EnableConfigurationProperties(DisclosureProperties.class)
class DisclosureConfiguration {

    @Bean
    MaskingRules maskingRules(DisclosureProperties properties) {
        return MaskingRules.load(properties.maskingRules());
    }

    /** One sender per node; the node name marks the rows it has claimed. */
    @Bean
    OutboxSender outboxSender(OutboxMapper mapper, StatutoryClock clock, DisclosureProperties properties) {
        return new OutboxSender(mapper, clock, properties.provincial(), nodeName());
    }

    /** The portal, its API and the public draw verification are rate limited per client address (see PortalRateLimit). */
    @Bean
    FilterRegistrationBean<PortalRateLimit> portalRateLimit(DisclosureProperties properties, ObjectMapper json) {
        FilterRegistrationBean<PortalRateLimit> registration = new FilterRegistrationBean<>(
                new PortalRateLimit(properties.rateLimit().requestsPerMinute(), json));
        registration.setName("portal-rate-limit");
        // and the one other address open to anyone: re-running a random draw (GET /api/inspections/draws/{id}/verify,
        // DESIGN.md) reads the draw, its case history and every target's entity on each call
        registration.addUrlPatterns("/public/*", "/api/public/*", "/api/inspections/draws/*");
        // before Spring Security: a refused request costs nothing more
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The outbox sender and the annual statistics on a schedule, on every node (both are safe to run concurrently). */
    @Configuration
    @EnableScheduling
    @ConditionalOnProperty(name = "sunlight.disclosure.scheduling-enabled", havingValue = "true", matchIfMissing = true)
    static class Schedules {

        private static final Logger LOG = LoggerFactory.getLogger(Schedules.class);

        private final OutboxSender sender;
        private final DisclosureStatistics statistics;
        private boolean warned;

        Schedules(OutboxSender sender, DisclosureStatistics statistics) {
            this.sender = sender;
            this.statistics = statistics;
        }

        @Scheduled(fixedDelayString = "${sunlight.disclosure.provincial.poll-interval}", initialDelayString = "PT20S")
        void deliver() {
            if (!sender.configured()) {
                if (!warned) {
                    LOG.warn("未配置省级平台地址（sunlight.disclosure.provincial.url），公示事件暂存发件箱 / No provincial "
                            + "platform configured: events wait in the outbox");
                    warned = true;
                }
                return;
            }
            try {
                sender.sendDue();
            } catch (RuntimeException e) {
                LOG.warn("Outbox delivery round failed: {}", e.getMessage());
            }
        }

        @Scheduled(cron = "${sunlight.disclosure.statistics.cron}", zone = "${sunlight.zone}")
        void compileStatistics() {
            statistics.ensurePreviousYear();
        }
    }
}
