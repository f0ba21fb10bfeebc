package com.example.statuscodes.errors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.util.List;

/**
 * A method this server does not know ({@code QUERY}, {@code BREW}, a lowercase {@code get}: method names are
 * case-sensitive) is a 501 Not Implemented (RFC 9110 §9.1), whatever the path and whoever asks: no resource here
 * implements it, so no credential or other URL would help. A known method that a resource does not allow is that
 * resource's 405, with its own {@code Allow} (the advice). Before the security chain, whose firewall would call the
 * method "characters not allowed" (400); {@code CONNECT} never gets here, Tomcat answers it with its own 501.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2) // before FilterExceptionsToAdvice and the security chain
public class KnownMethods extends OncePerRequestFilter {

    /** RFC 9110's methods this server can meet, and PATCH (RFC 5789). */
    public static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    private final HandlerExceptionResolver resolver;

    KnownMethods(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
        } else {
            resolver.resolveException(request, response, null, new MethodNotImplementedException(request.getMethod()));
        }
    }
}
