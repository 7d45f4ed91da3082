package org.sunlight.organization;

import java.util.Map;

/**
 * The error body of every Sunlight endpoint: a person reads {@code message} (Chinese / English), a program reads
 * {@code code}.
 */
public record ApiError(int status, String code, String message, String messageZh, String messageEn,
                       Map<String, Object> details) {

    public static ApiError of(int status, String code, String zh, String en) {
        return new ApiError(status, code, zh + " / " + en, zh, en, Map.of());
    }
}
