package com.example.statuscodes.errors;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The one place a problem gets its {@code requestId} member: as it is written, whoever built it (the advice's
 * handlers, an {@code ErrorResponseException}'s own body, {@code /error}). {@link ContainerErrorPages} adds it
 * to the few problems Tomcat's rejections produce without Spring MVC.
 */
@RestControllerAdvice
class RequestIdProblemMember implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && request instanceof ServletServerHttpRequest servlet) {
            problem.setProperty(RequestId.MDC_KEY, RequestId.of(servlet.getServletRequest()));
        }
        return body;
    }
}
