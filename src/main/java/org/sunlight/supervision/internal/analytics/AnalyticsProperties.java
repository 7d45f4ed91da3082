package org.sunlight.supervision.internal.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the risk flags (sunlight.supervision.analytics.*): local supervision policy, not law.
 *
 * @param fineEdgeShare    a fine within this share of the discretion range (裁量基准) from its minimum or maximum is
 *                         flagged (0.05: the lowest or highest 5 %)
 * @param repeatPartyCases the same officer handling this many cases of the same party is flagged
 */
@ConfigurationProperties("sunlight.supervision.analytics")
record AnalyticsProperties(double fineEdgeShare, int repeatPartyCases) {
}
