package com.example.statuscodes.auth;

import com.example.statuscodes.errors.ProblemResponseWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/**
 * Every 401 of the filter chain: "who are you?". Spring's {@link BearerTokenAuthenticationEntryPoint} sets
 * the status and the RFC 6750 {@code WWW-Authenticate} header ({@code Bearer} when no token was sent,
 * {@code Bearer error="invalid_token", error_description="..."} for a bad one); this class adds the
 * problem+json body Spring Security 7 would otherwise leave empty.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final ProblemResponseWriter writer;

    public ProblemAuthenticationEntryPoint(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        bearer.commence(request, response, exception);
        String detail = exception instanceof OAuth2AuthenticationException
                ? "The access token is invalid or expired"
                : "Authentication required";
        writer.write(request, response, HttpStatus.valueOf(response.getStatus()), detail);
    }
}
