package org.sunlight.organization.internal;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Two answers Camunda's REST API (/engine-rest) would give as a bare 500, made precise: a task completed or claimed by
 * someone else at the same moment is a 409 conflict, and a database that cannot be reached is a 503 — quickly (the
 * pool waits at most spring.datasource.hikari.connection-timeout) and in words a person understands. Everything else
 * keeps Camunda's own mapping. Registered with a higher priority than Camunda's mappers of the same types.
 */
@Configuration
class EngineRestErrors {

    static final String CONFLICT_CODE = "task-conflict";

    @Bean
    ResourceConfigCustomizer sunlightExceptionMappers() {
        return config -> config.register(RestExceptions.class).register(EngineExceptions.class).register(OtherExceptions.class)
                .register(JsonSyntax.class).register(JsonMapping.class);
    }

    static Response translate(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.camunda.spin.SpinRuntimeException) {
                return json(400, "InvalidRequestException", "变量值不是有效的 JSON / A variable's value is not valid JSON");
            }
            // Camunda's resources dereference the parsed body without checking it: a body of `null` or a missing part
            if (cause instanceof NullPointerException npe && npe.getStackTrace().length > 0
                    && npe.getStackTrace()[0].getClassName().startsWith("org.camunda.bpm.engine.rest")) {
                return json(400, "InvalidRequestException", "请求内容缺失或不完整 / The request body is missing or incomplete");
            }
            if (cause instanceof FormFieldValidationException v && CONFLICT_CODE.equals(String.valueOf((Object) v.getDetail()))) {
                return json(409, "Conflict", v.getMessage());
            }
        }
        if (DatabaseUnavailable.isCause(e)) {
            return json(503, "DatabaseUnavailable", DatabaseUnavailable.ZH + " / " + DatabaseUnavailable.EN);
        }
        return ExceptionHandlerHelper.getInstance().getResponse(e);
    }

    private static Response json(int status, String type, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", type, "message", message)).build();
    }

    /** Camunda's own answer to a malformed body is Jackson's parser message; a person needs to know what to fix. */
    @Priority(1)
    static class JsonSyntax implements ExceptionMapper<com.fasterxml.jackson.core.JsonParseException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.core.JsonParseException exception) {
            return json(400, "InvalidRequestException", "请求内容不是有效的 JSON / The request body is not valid JSON");
        }
    }

    @Priority(1)
    static class JsonMapping implements ExceptionMapper<com.fasterxml.jackson.databind.JsonMappingException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.databind.JsonMappingException exception) {
            return json(400, "InvalidRequestException", "请求内容的结构或类型不正确 / The request body has the wrong structure or types");
        }
    }

    @Priority(1)
    static class RestExceptions implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException exception) {
            return translate(exception);
        }
    }

    @Priority(1)
    static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException exception) {
            return translate(exception);
        }
    }

    @Priority(1)
    static class OtherExceptions implements ExceptionMapper<Exception> {
        @Override
        public Response toResponse(Exception exception) {
            return translate(exception);
        }
    }
}
