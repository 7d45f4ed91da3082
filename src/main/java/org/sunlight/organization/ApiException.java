package org.sunlight.organization;

/** A request Sunlight refuses, with the status and the bilingual message the caller sees. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String zh;
    private final String en;

    public ApiException(int status, String code, String zh, String en) {
        super(zh + " / " + en);
        this.status = status;
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    public static ApiException badRequest(String code, String zh, String en) {
        return new ApiException(400, code, zh, en);
    }

    public static ApiException notFound(String zh, String en) {
        return new ApiException(404, "not-found", zh, en);
    }

    public static ApiException forbidden(String zh, String en) {
        return new ApiException(403, "forbidden", zh, en);
    }

    public ApiError toError() {
        return ApiError.of(status, code, zh, en);
    }

    public int status() {
        return status;
    }
}
