package com.example.statuscodes.support;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every (method, path, status) the spec tests produce, so {@code OpenApiContractTest} can compare the
 * documented responses with the ones the suite really exercises.
 */
public final class ObservedResponses {

    public record Observation(String method, String path, int status) {
    }

    private static final Set<Observation> SEEN = ConcurrentHashMap.newKeySet();

    private ObservedResponses() {
    }

    public static Set<Observation> all() {
        return Set.copyOf(SEEN);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Recorder {

        @Bean
        FilterRegistrationBean<Filter> observedResponsesRecorder() {
            Filter recorder = (request, response, chain) -> {
                try {
                    chain.doFilter(request, response);
                } finally {
                    HttpServletRequest http = (HttpServletRequest) request;
                    SEEN.add(new Observation(http.getMethod(), http.getRequestURI(),
                            ((HttpServletResponse) response).getStatus()));
                }
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(recorder);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
