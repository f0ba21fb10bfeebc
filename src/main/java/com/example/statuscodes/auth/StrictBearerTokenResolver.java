package com.example.statuscodes.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.Enumeration;

/**
 * Reads the bearer token of RFC 6750 §2.1, {@code Authorization: Bearer <b64token>}, and says
 * {@code 400 invalid_request} (§3.1) for a header that is not one: {@code Bearer} with nothing after it, a token with
 * characters outside b64token, two credentials. Spring's {@link DefaultBearerTokenResolver} accepts the same tokens
 * but calls the malformed ones an invalid token (401); the request is malformed, though, and no token was even
 * checked. A well-formed token that is wrong stays a 401. No header, or another scheme: no token (so a 401 if the
 * path needs one). {@code StrictBearerTokenResolverTest} compares every answer with Spring's resolver.
 */
final class StrictBearerTokenResolver implements BearerTokenResolver {

    static final String MALFORMED = "The Authorization header must be the word Bearer, one space and one token";
    private static final String BEARER = "Bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders(HttpHeaders.AUTHORIZATION);
        if (headers == null || !headers.hasMoreElements()) {
            return null;
        }
        String authorization = headers.nextElement();
        if (headers.hasMoreElements()) {
            // two Authorization headers: which one was meant cannot be known
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest(MALFORMED));
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length() - 1)) {
            return null; // another scheme (Basic ...): not ours to judge
        }
        if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length()) && isB64Token(authorization, BEARER.length())) {
            return authorization.substring(BEARER.length());
        }
        throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest(MALFORMED));
    }

    /**
     * {@code [a-zA-Z0-9-._~+/]+=*} from {@code start} to the end. A loop, not that pattern: on every authenticated
     * request, regular expressions over the token cost about a quarter of the CPU (bench/BENCHMARKS.md).
     */
    static boolean isB64Token(String value, int start) {
        int i = start;
        while (i < value.length() && isTokenChar(value.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < value.length() && value.charAt(i) == '=') {
            i++;
        }
        return i == value.length();
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
