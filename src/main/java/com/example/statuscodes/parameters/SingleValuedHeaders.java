package com.example.statuscodes.parameters;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.util.Enumeration;
import java.util.List;

/**
 * A header that takes one value and is sent on more than one line is a 400 naming it, before anything reads it. RFC
 * 9110 §5.3: two lines mean what the one comma-joined line means, and that line is no value of these headers; but
 * the servlet API's {@code getHeader} returns the first line, so {@code Content-Type: application/json} then
 * {@code Content-Type: text/plain} was read as JSON while the reverse order was a 415, and two {@code Idempotency-Key}
 * lines were read as the first key while the one line {@code k-a, k-b} was a 400.
 * <p>
 * Before the security chain (its limiters, the bearer token) and the controllers, which read these headers. Lists
 * ({@code If-Match}, {@code Accept}) are not here; Tomcat refuses a second {@code Content-Length} or {@code Host}
 * itself; a second {@code Authorization} is the bearer-token resolver's {@code invalid_request}
 * ({@code auth.StrictBearerTokenResolver}, RFC 6750 §3.1), which counts the lines as this does; a second
 * {@code X-Request-Id} only costs the client its id ({@code errors.RequestId}).
 */
@Component
// After errors.KnownMethods (an unknown method is a 501 first), before the security chain. It shares its order with
// errors.FilterExceptionsToAdvice, which wraps the chain: it answers on its own, so either nesting gives one answer.
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
public class SingleValuedHeaders extends OncePerRequestFilter {

    /** {@code Idempotency-Key} spelled here: the idempotency package is a feature, not this one's dependency. */
    static final List<String> HEADERS = List.of(HttpHeaders.CONTENT_TYPE, "Idempotency-Key");

    private final HandlerExceptionResolver errors;

    public SingleValuedHeaders(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String header : HEADERS) {
            if (moreThanOneLine(request.getHeaders(header))) {
                errors.resolveException(request, response, null, new RepeatedParameterException(header));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean moreThanOneLine(Enumeration<String> lines) {
        if (lines == null || !lines.hasMoreElements()) {
            return false;
        }
        lines.nextElement();
        return lines.hasMoreElements();
    }
}
