package com.example.statuscodes.machinery.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.io.IOException;

/**
 * Keeps the public port and the {@link MetricsPort} apart, before the security chain: the scrape endpoint answers
 * only on the metrics port, and the metrics port answers nothing else; anything else is the advice's 404
 * "No endpoint ...". The security chain then lets the scrape through without a token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class MetricsPortFilter extends OncePerRequestFilter implements Customizer<HttpSecurity> {

    private final MetricsPort metricsPort;
    private final HandlerExceptionResolver errors;

    public MetricsPortFilter(MetricsPort metricsPort,
                             @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
        this.metricsPort = metricsPort;
        this.errors = errors;
    }

    @Override
    public void customize(HttpSecurity http) {
        http.authorizeHttpRequests(rules -> rules.requestMatchers(HttpMethod.GET, MetricsPort.SCRAPE_PATH).permitAll());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int port = metricsPort.localPort();
        boolean onMetricsPort = port > 0 && request.getLocalPort() == port;
        boolean scrape = MetricsPort.SCRAPE_PATH.equals(request.getRequestURI());
        if (onMetricsPort == scrape) {
            chain.doFilter(request, response);
        } else {
            errors.resolveException(request, response, null, new NoResourceFoundException(
                    HttpMethod.valueOf(request.getMethod()), request.getRequestURI(), request.getRequestURI().substring(1)));
        }
    }
}
