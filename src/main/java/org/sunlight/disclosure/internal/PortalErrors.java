package org.sunlight.disclosure.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.sunlight.organization.ApiError;
import org.sunlight.organization.ApiException;

/**
 * Errors on the portal's pages are pages, in Chinese: a citizen never sees JSON or a stack trace there. The JSON API
 * keeps the JSON errors of the global handler.
 */
class PortalErrors {

    private static final Logger LOG = LoggerFactory.getLogger(PortalErrors.class);

    private PortalErrors() {
    }

    static ModelAndView page(int status, String title, String message, HttpServletResponse response) {
        response.setStatus(status);
        ModelAndView view = new ModelAndView("public/error");
        view.addObject("title", title);
        view.addObject("message", message);
        return view;
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 404 -> "未找到";
            case 429 -> "访问过于频繁";
            default -> "系统暂时无法处理";
        };
    }

    /** Errors of the portal's controller. */
    @ControllerAdvice(assignableTypes = PortalController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Pages {

        @ExceptionHandler(ApiException.class)
        ModelAndView api(ApiException e, HttpServletResponse response) {
            return page(e.status(), title(e.status()), e.toError().messageZh(), response);
        }

        @ExceptionHandler(MethodArgumentTypeMismatchException.class)
        ModelAndView parameter(HttpServletResponse response) {
            return page(400, title(400), "请求参数格式不正确。", response);
        }

        @ExceptionHandler(Exception.class)
        ModelAndView unexpected(Exception e, HttpServletResponse response) {
            LOG.error("Portal page failed", e);
            return page(500, title(500), "系统暂时无法处理您的请求，请稍后再试。", response);
        }
    }

    /**
     * An unknown address under /public/ gets a portal page; elsewhere the same JSON error the global handler gives
     * (this handler runs first for every request that matched no controller, so it answers both).
     */
    @ControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class UnknownAddress {

        @ExceptionHandler(NoResourceFoundException.class)
        Object notFound(HttpServletRequest request, HttpServletResponse response) {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/public/")) {
                return page(404, title(404), "您访问的页面不存在。", response);
            }
            // JSON whatever the client accepts (a client accepting only HTML got Spring's English error page)
            return ResponseEntity.status(404).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(ApiError.of(404, "not-found", "未找到该地址", "No such resource"));
        }
    }
}
