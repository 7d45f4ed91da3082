package org.sunlight.organization.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When the database cannot be reached, every request answers 503 with words a person understands, quickly (the pool
 * waits at most spring.datasource.hikari.connection-timeout), instead of a 500 — wherever the failure surfaces: in
 * Sunlight's API, in Camunda's REST resources, or in the filters in front of them (Camunda's HTTP Basic check reads the
 * user from the database). Nothing is half-written: the failed step's transaction is rolled back.
 */
final class DatabaseUnavailable {

    static final String ZH = "数据库暂时不可用，请稍后重试";
    static final String EN = "The database is unavailable; try again shortly";

    private DatabaseUnavailable() {
    }

    static boolean isCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransactionSystemException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                    || "Connection is closed".equals(sql.getMessage()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The outermost filter: what escapes the filters and servlets because the database is gone becomes a 503. */
    static class Filter extends OncePerRequestFilter {

        private final ApiErrorWriter errors;

        Filter(ApiErrorWriter errors) {
            this.errors = errors;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | RuntimeException e) {
                if (!isCause(e) || response.isCommitted()) {
                    throw e;
                }
                response.resetBuffer();
                errors.write(response, 503, "database-unavailable", ZH, EN);
            }
        }
    }
}
