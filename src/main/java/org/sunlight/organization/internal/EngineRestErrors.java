package org.sunlight.organization.internal;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.sunlight.organization.ApiException;

/**
 * Answers Camunda's REST API (/engine-rest) would give as a bare 500 (or as an English 400 that hides the reason), made
 * precise and in words a person understands: a task completed or claimed by someone else at the same moment is a 409
 * conflict; Sunlight's refusals from inside the engine keep their status and "中文 / English" message (a 403 for a
 * write to the case record by someone who may not work the task, or for starting a called-only procedure by hand);
 * an object that does not exist is a 404, a missing value or a variable Camunda cannot build a 400; a database that
 * cannot be reached is a 503 — quickly (the pool waits at most spring.datasource.hikari.connection-timeout).
 * Everything else keeps Camunda's own mapping. Registered with a higher priority than Camunda's mappers of the same
 * types, in both JAX-RS applications that serve Camunda's engine resources: the REST starter's /engine-rest and the
 * webapps' engine API (Tasklist, Cockpit: /camunda/api/engine/…), so both surfaces answer alike.
 */
@Configuration
class EngineRestErrors {

    static final String CONFLICT_CODE = "task-conflict";

    /** The mappers, for both of Camunda's JAX-RS applications over the engine. */
    static final List<Class<?>> MAPPERS = List.of(RestExceptions.class, EngineExceptions.class, OtherExceptions.class,
            JsonSyntax.class, JsonMapping.class);

    /** The servlet the webapp starter (CamundaBpmWebappInitializer) registers for the webapps' engine API. */
    static final String WEBAPP_ENGINE_API = "Engine Api";

    @Bean
    ResourceConfigCustomizer sunlightExceptionMappers() {
        return config -> MAPPERS.forEach(config::register);
    }

    /**
     * Tasklist and Cockpit call the same engine resources through the webapp starter's own Jersey application
     * (org.camunda.bpm.webapp.impl.engine.EngineRestApplication, servlet "Engine Api"), which no ResourceConfigCustomizer
     * reaches: without the mappers it answered 500 for Sunlight's refusals and English-only messages. Jersey adds the
     * providers named in the servlet's init parameter to the application's own classes. The webapp starter registers
     * the servlet in a ServletContextInitializer bean; initializers added to the server factory run after all such
     * beans (AbstractServletWebServerFactory#mergeInitializers), so the registration exists by then.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> sunlightWebappExceptionMappers() {
        return factory -> factory.addInitializers(servletContext -> {
            ServletRegistration engineApi = servletContext.getServletRegistration(WEBAPP_ENGINE_API);
            if (engineApi == null) {
                return; // the webapps are switched off (camunda.bpm.webapp.enabled=false); HostileInputTests checks the name
            }
            if (!engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES,
                    MAPPERS.stream().map(Class::getName).collect(Collectors.joining(",")))) {
                throw new IllegalStateException("Camunda's webapp engine API servlet already names its providers");
            }
        });
    }

    /**
     * Sunlight's refusals from inside the engine (org.sunlight.procedure.RuleViolation, by its code) whose status is not
     * the 400 of a bad input. Camunda's resources wrap an engine exception into their own (often a 400 "Not enough
     * parameters submitted", a 500 for a start), so the refusal is looked for among the causes.
     */
    static final Map<String, Integer> RULE_STATUS = Map.of(
            CONFLICT_CODE, 409,
            "record-task-closed", 409,          // a comment or attachment on a completed task
            "record-invalid-text", 400,         // an empty, over-long or NUL-containing comment
            "not-startable-by-hand", 403);      // legal-review, publication: started by their calling procedure

    private static final java.util.regex.Pattern MISSING = java.util.regex.Pattern.compile(
            "(?is).*(doesn't exist|does not exist|not found|cannot find|no .{0,40} found).*");

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
            // Sunlight's own refusals carry their status and "中文 / English" message
            if (cause instanceof ApiException refusal) {
                return json(refusal.status(), refusal.status() == 403 ? "AuthorizationException" : "InvalidRequestException",
                        refusal.getMessage());
            }
            if (cause instanceof FormFieldValidationException v && RULE_STATUS.containsKey(String.valueOf((Object) v.getDetail()))) {
                int status = RULE_STATUS.get(String.valueOf((Object) v.getDetail()));
                return json(status, status == 409 ? "Conflict" : status == 403 ? "AuthorizationException"
                        : "InvalidRequestException", v.getMessage());
            }
            // DELETE /task/{id} on a task of a running case: the engine refuses it, but as a bare ProcessEngineException
            if (cause instanceof ProcessEngineException refused
                    && String.valueOf(refused.getMessage()).contains("cannot be deleted because is part of a running process")) {
                return json(403, "AuthorizationException", "流程中的任务不能删除，只能办理；撤销案件由管理员在 Cockpit 中进行"
                        + " / A task of a running case cannot be deleted, only worked; an administrator cancels a case in Cockpit");
            }
            // any other refusal of a rule is a bad input, also where Camunda's resource wraps it into a 500 ("Cannot
            // instantiate process definition …" for /start, /resolve, …)
            if (cause instanceof FormFieldValidationException v) {
                return json(400, "InvalidRequestException", v.getMessage());
            }
            if (cause instanceof AuthorizationException denied && bilingual(denied.getMessage())) {
                return json(403, "AuthorizationException", denied.getMessage());
            }
            // the engine's own refusal names the missing permissions in English: said in Chinese first, Camunda's
            // details (user, resource, missing authorizations) kept for programs
            if (cause instanceof AuthorizationException denied) {
                org.camunda.bpm.engine.rest.dto.AuthorizationExceptionDto dto =
                        org.camunda.bpm.engine.rest.dto.AuthorizationExceptionDto.fromException(denied);
                dto.setMessage("无权执行此操作：当前用户没有所需的权限 / " + denied.getMessage());
                return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
            }
            // a task, process instance or other object that does not exist (or has just ended): the engine says so
            // with a NullValueException (500 in Camunda's mapping) or a NotFoundException (400)
            if (cause instanceof NotFoundException || cause instanceof NullValueException) {
                String message = String.valueOf(cause.getMessage());
                if (bilingual(message)) {
                    return json(cause instanceof NotFoundException ? 404 : 400, "InvalidRequestException", message);
                }
                if (cause instanceof NotFoundException || MISSING.matcher(message).matches()) {
                    return json(404, "NotFoundException", "未找到所请求的任务、流程实例或其他对象（可能不存在或已结束） / Not found: "
                            + message);
                }
                return json(400, "InvalidRequestException", "请求缺少必需的值 / A required value is missing: " + message);
            }
            // Camunda's own check before a comment or attachment ("No task found for task id …", a 400): a task the
            // user cannot see does not exist for them
            if (cause instanceof RestException refused && refused.getCause() == null
                    && (refused.getStatus() == jakarta.ws.rs.core.Response.Status.BAD_REQUEST
                    || refused.getStatus() == jakarta.ws.rs.core.Response.Status.NOT_FOUND)
                    && MISSING.matcher(String.valueOf(refused.getMessage())).matches()) {
                return json(404, "InvalidRequestException", "未找到所请求的任务、流程实例或其他对象（可能不存在或已结束） / Not found: "
                        + refused.getMessage());
            }
            // a variable Camunda cannot build from what was sent, e.g. {"type":"File"} without its valueInfo
            if (cause instanceof IllegalArgumentException bad && fromVariableConversion(bad)) {
                return json(400, "InvalidRequestException", "变量的类型或值无效 / Invalid variable type or value: "
                        + bad.getMessage());
            }
        }
        if (DatabaseUnavailable.isCause(e)) {
            return json(503, "DatabaseUnavailable", DatabaseUnavailable.ZH + " / " + DatabaseUnavailable.EN);
        }
        return ExceptionHandlerHelper.getInstance().getResponse(e);
    }

    private static boolean bilingual(String message) {
        return message != null && message.contains(" / ") && message.codePoints().anyMatch(
                c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static boolean fromVariableConversion(IllegalArgumentException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("org.camunda.bpm.engine.rest.dto.") || type.startsWith("org.camunda.bpm.engine.variable.")
                    || type.startsWith("org.camunda.bpm.engine.impl.variable.")) {
                return true;
            }
        }
        return false;
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
