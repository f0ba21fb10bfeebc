package com.example.statuscodes.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Spring Security's three error hooks (401 entry point, 403 access-denied handler, firewall rejection) write
 * nothing themselves: each hands the exception to Spring MVC's {@link HandlerExceptionResolver}, so the one
 * {@code @RestControllerAdvice} ({@code errors.ApiExceptionHandler}) renders it, exactly as if a controller had
 * thrown it (the approach of zalando/problem-spring-web's {@code SecurityProblemSupport}).
 */
final class SecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final HandlerExceptionResolver resolver;

    SecurityErrors(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) {
        render(request, response, ex);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) {
        render(request, response, ex);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex) {
        render(request, response, ex);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, Exception ex) {
        if (resolver.resolveException(request, response, null, ex) == null) {
            throw new IllegalStateException("No handler rendered " + ex);
        }
    }
}
