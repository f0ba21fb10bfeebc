package com.example.statuscodes.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

import java.util.Enumeration;

/**
 * Reads the bearer token of RFC 6750 §2.1, {@code Authorization: Bearer <b64token>}, with Spring's rules, and says
 * {@code 400 invalid_request} (§3.1) for a header that is not one: {@code Bearer} with nothing after it, a token with
 * characters outside b64token, two credentials. Spring's own resolver calls those an invalid token (401); but the
 * request is malformed, and no token was even checked. A well-formed token that is wrong stays a 401.
 */
final class StrictBearerTokenResolver implements BearerTokenResolver {

    static final String MALFORMED = "The Authorization header must be the word Bearer, one space and one token";

    private final BearerTokenResolver springRules;

    /** @param springRules Spring's {@code DefaultBearerTokenResolver} or one that decides exactly as it does */
    StrictBearerTokenResolver(BearerTokenResolver springRules) {
        this.springRules = springRules;
    }

    @Override
    public String resolve(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders(HttpHeaders.AUTHORIZATION);
        if (headers != null && headers.hasMoreElements()) {
            headers.nextElement();
            if (headers.hasMoreElements()) {
                // two Authorization headers: which one was meant cannot be known
                throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest(MALFORMED));
            }
        }
        try {
            return springRules.resolve(request);
        } catch (OAuth2AuthenticationException malformedHeader) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest(MALFORMED), malformedHeader);
        }
    }
}
