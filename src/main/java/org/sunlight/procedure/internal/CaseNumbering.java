package org.sunlight.procedure.internal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Case number schemes per category (sunlight.case-numbers): the business key is {@code <key>-<year>-<seq>} so it is
 * safe in URLs; people read the display form, e.g. 市建罚〔2026〕12号.
 */
@ConfigurationProperties("sunlight")
record CaseNumbering(Map<String, Scheme> caseNumbers) {

    record Scheme(String key, String display) {
    }

    Scheme scheme(String category) {
        Scheme scheme = caseNumbers == null ? null : caseNumbers.get(category);
        if (scheme == null) {
            throw new IllegalStateException("No case number scheme for category " + category
                    + " (sunlight.case-numbers." + category + ")");
        }
        return scheme;
    }
}
