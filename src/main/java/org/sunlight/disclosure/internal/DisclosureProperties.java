package org.sunlight.disclosure.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Publicity settings (sunlight.disclosure.*).
 *
 * @param maskingRules      the masking rules (data, RULES 1.8)
 * @param portalBaseUrl     public address of the portal, for the QR codes officers show (empty: the request's own)
 * @param schedulingEnabled run the outbox sender and the annual statistics on a schedule (off in tests)
 */
@ConfigurationProperties("sunlight.disclosure")
record DisclosureProperties(Resource maskingRules, String portalBaseUrl, boolean schedulingEnabled,
                            Provincial provincial, RateLimit rateLimit, Statistics statistics) {

    /**
     * The provincial platform (省级行政执法信息平台) receiving published and withdrawn decisions.
     *
     * @param url            endpoint receiving one JSON event per POST; empty: events wait in the outbox
     * @param token          bearer token sent with every event, if the platform requires one
     * @param maxAttempts    attempts before an event goes to the dead-letter list
     * @param initialBackoff wait after the first failure; doubles with each further failure, up to maxBackoff
     * @param lease          how long a node may take to deliver a claimed event before another node may take it
     */
    record Provincial(String url, String token, Duration timeout, int maxAttempts, Duration initialBackoff,
                      Duration maxBackoff, int batchSize, Duration lease, Duration pollInterval) {
    }

    /** Requests per minute one client address may make to the public portal and API. */
    record RateLimit(int requestsPerMinute) {
    }

    /** When the statistics of the previous year are compiled (RULES 1.9: before 31 January). */
    record Statistics(String cron) {
    }
}
