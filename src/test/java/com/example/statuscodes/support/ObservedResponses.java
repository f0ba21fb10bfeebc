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
 * Every (method, path, status) that the application context it lives in has answered, for
 * {@code OpenApiContractTest}. One instance per Spring context, filled by a servlet filter in front of everything.
 */
public final class ObservedResponses {

    public record Observation(String method, String path, int status) {
    }

    private final Set<Observation> seen = ConcurrentHashMap.newKeySet();

    public Set<Observation> all() {
        return Set.copyOf(seen);
    }

    public void clear() {
        seen.clear();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Recorder {

        @Bean
        ObservedResponses observedResponses() {
            return new ObservedResponses();
        }

        @Bean
        FilterRegistrationBean<Filter> observedResponsesRecorder(ObservedResponses observed) {
            Filter recorder = (request, response, chain) -> {
                try {
                    chain.doFilter(request, response);
                } finally {
                    HttpServletRequest http = (HttpServletRequest) request;
                    observed.seen.add(new Observation(http.getMethod(), http.getRequestURI(),
                            ((HttpServletResponse) response).getStatus()));
                }
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(recorder);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
