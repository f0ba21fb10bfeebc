package com.example.statuscodes.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * {@code If-Match} and {@code If-None-Match} on every method of {@code /api/admin/settings}
 * ({@link SettingsPreconditions}), the one place that evaluates them. An interceptor, like {@code users.RequireIfMatch}:
 * after the security chain (a non-admin still gets 401/403 first) and before MVC reads the body, so a false condition
 * is a 412 whatever the body, answered without waiting for it.
 */
@Configuration
class SettingsConditions implements WebMvcConfigurer, HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD");
    private static final Set<String> CHANGES = Set.of("PUT", "DELETE");

    /**
     * What Spring Security puts on the 200 and leaves off a 304 (spring-security#5534); RFC 9110 §15.4.5 asks a 304
     * for them, as {@code users.UserController} does. A spec test holds both to the 200's.
     */
    private static final String CACHE_CONTROL_OF_THE_200 = "no-cache, no-store, max-age=0, must-revalidate";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/admin/settings");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        boolean read = READS.contains(request.getMethod());
        if (!read && !CHANGES.contains(request.getMethod())) {
            return true;
        }
        SettingsPreconditions conditions = new SettingsPreconditions(
                header(request, HttpHeaders.IF_MATCH), header(request, HttpHeaders.IF_NONE_MATCH));
        if (conditions.notModified(read)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL_OF_THE_200);
            response.setHeader(HttpHeaders.EXPIRES, "0");
            return false;
        }
        return true;
    }

    /** Every line of the header as one list, as {@code @RequestHeader String} reads it; null when absent. */
    private static String header(HttpServletRequest request, String name) {
        List<String> lines = Collections.list(request.getHeaders(name));
        return lines.isEmpty() ? null : String.join(",", lines);
    }
}
