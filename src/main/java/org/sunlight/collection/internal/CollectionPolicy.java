package org.sunlight.collection.internal;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Collection settings that are local policy (sunlight.collection.*).
 *
 * @param legalBasis  the local rule under which the urban infrastructure fee is levied, as cited in the decision
 *                    (RULES 6.1, 6.3: each city's own 办法; published with the decision)
 * @param paymentDays calendar days after the notice is delivered within which the fee is paid (the notice states it;
 *                    local practice, RULES 6.4 U)
 * @param surcharge   a late-payment surcharge (滞纳金) only where a legal basis is configured (行政强制法第四十五条:
 *                    "依法加处"); none by default
 */
@ConfigurationProperties("sunlight.collection")
public record CollectionPolicy(String legalBasis, int paymentDays, Surcharge surcharge) {

    /**
     * @param legalBasis the article that allows the surcharge (e.g. a local 办法's article), cited to the party
     * @param dailyRate  share of the unpaid fee per day late (e.g. 0.0005); local and unverified (RULES 6.4)
     */
    public record Surcharge(String legalBasis, BigDecimal dailyRate) {
    }

    public CollectionPolicy {
        if (legalBasis == null || legalBasis.isBlank()) {
            throw new IllegalStateException("sunlight.collection.legal-basis must name the local rule the fee is levied under");
        }
        if (paymentDays < 1) {
            throw new IllegalStateException("sunlight.collection.payment-days must be at least 1");
        }
        boolean basis = surcharge != null && surcharge.legalBasis() != null && !surcharge.legalBasis().isBlank();
        boolean rate = surcharge != null && surcharge.dailyRate() != null;
        if (basis != rate) {
            throw new IllegalStateException("sunlight.collection.surcharge needs both legal-basis and daily-rate, or neither "
                    + "(行政强制法第四十五条: a surcharge only by law, at a standard told to the party)");
        }
        if (rate && (surcharge.dailyRate().signum() <= 0 || surcharge.dailyRate().compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalStateException("sunlight.collection.surcharge.daily-rate must be in (0, 1]");
        }
    }

    /** A surcharge may be added: a legal basis and a rate are configured. */
    public boolean surchargeConfigured() {
        return surcharge != null && surcharge.dailyRate() != null;
    }
}
