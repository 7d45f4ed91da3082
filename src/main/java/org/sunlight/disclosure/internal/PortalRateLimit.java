package org.sunlight.disclosure.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.sunlight.organization.ApiError;

/**
 * Rate limit of the public portal and its API, per client address: a token bucket (Bucket4j) refilled every minute,
 * buckets kept in a bounded cache (Caffeine) so that many addresses cannot exhaust memory. Per node: behind a load
 * balancer each node limits on its own, which bounds a client at nodes × the limit — enough against scraping and
 * floods, without a shared store. Behind a reverse proxy set server.forward-headers-strategy so the client address is
 * the real one. Static assets are not counted.
 */
class PortalRateLimit extends OncePerRequestFilter {

    private final int perMinute;
    private final ObjectMapper json;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(5)).build();

    PortalRateLimit(int perMinute, ObjectMapper json) {
        this.perMinute = perMinute;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/public/assets/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.get(request.getRemoteAddr(), address -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        response.setHeader("X-RateLimit-Limit", String.valueOf(perMinute));
        if (probe.isConsumed()) {
            response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(seconds));
        response.setHeader("X-RateLimit-Remaining", "0");
        // written before Spring Security, whose headers every other portal answer carries: the same here (README,
        // Security notes), so that the refusal is neither sniffed, framed nor stored
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/json");
            json.writeValue(response.getOutputStream(), ApiError.of(429, "too-many-requests",
                    "访问过于频繁，请 " + seconds + " 秒后再试", "Too many requests; retry in " + seconds + " s"));
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>访问过于频繁"
                    + "</title></head><body><main><h1>访问过于频繁</h1><p>请 " + seconds + " 秒后再试。</p></main></body></html>");
        }
    }
}
