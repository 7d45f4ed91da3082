package org.sunlight.organization.internal;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.sunlight.organization.ApiError;
import org.sunlight.organization.ApiException;

/**
 * Every refusal of Sunlight's API becomes a JSON {@link ApiError} with a Chinese and an English message; nothing
 * internal (stack traces, SQL) reaches the caller.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return respond(e.toError());
    }

    /** Rule violations of the procedures (org.sunlight.procedure.RuleViolation) carry "中文 / English" already. */
    @ExceptionHandler(FormFieldValidationException.class)
    ResponseEntity<ApiError> rule(FormFieldValidationException e) {
        String[] parts = e.getMessage().split(" / ", 2);
        String code = e.getDetail() == null ? "rule-violation" : e.getDetail().toString();
        return respond(ApiError.of(400, code, parts[0], parts.length > 1 ? parts[1] : parts[0]));
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ApiError> authorization(AuthorizationException e) {
        return respond(ApiError.of(403, "forbidden", "无权执行此操作", "Not authorized for this operation"));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return respond(ApiError.of(404, "not-found", "未找到", "Not found"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return respond(ApiError.of(404, "not-found", "未找到该地址", "No such resource"));
    }

    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ApiError> conflict(OptimisticLockingException e) {
        return respond(ApiError.of(409, "conflict", "该案件已被他人同时修改，请刷新后重试",
                "The case was changed by someone else at the same time; reload and try again"));
    }

    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<ApiError> badUserRequest(BadUserRequestException e) {
        return respond(ApiError.of(400, "bad-request", "请求无效：" + e.getMessage(), "Bad request: " + e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return respond(ApiError.of(400, "malformed-body", "请求内容格式错误（应为 JSON）",
                "Malformed request body (JSON expected)"));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        String fields = String.join(", ", e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField()).distinct().toList());
        return respond(ApiError.of(400, "invalid-fields", "以下字段无效：" + fields, "Invalid fields: " + fields));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> parameter(Exception e) {
        return respond(ApiError.of(400, "bad-parameter", "请求参数缺失或类型错误", "Missing or malformed parameter"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return respond(ApiError.of(405, "method-not-allowed", "不支持该请求方法", "Method not allowed"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(ApiError.of(415, "unsupported-media-type", "不支持该内容类型", "Unsupported content type"));
    }

    /** A client that accepts no JSON (Accept: text/html only): a refusal like any other, not an unexpected error. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(ApiError.of(406, "not-acceptable", "该接口只提供 JSON 格式（Accept: application/json）",
                "This resource is available as JSON only (Accept: application/json)"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (DatabaseUnavailable.isCause(e)) {
            LOG.warn("Database unavailable: {}", e.getMessage());
            return respond(ApiError.of(503, "database-unavailable", DatabaseUnavailable.ZH, DatabaseUnavailable.EN));
        }
        LOG.error("Unexpected error", e);
        return respond(ApiError.of(500, "internal-error", "系统内部错误，请联系管理员",
                "Internal error; contact the administrator"));
    }

    /**
     * The error is JSON whatever the request accepts: without the preset content type, a client accepting only HTML
     * made writing the error itself fail, and got Spring's English error page instead.
     */
    private static ResponseEntity<ApiError> respond(ApiError error) {
        return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(error);
    }
}
