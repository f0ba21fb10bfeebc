package com.example.statuscodes.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Two checks every request pays for, as plain loops instead of Spring Security's regular expressions: JFR put
 * about a quarter of an authenticated GET's CPU in {@code java.util.regex} matching the access token (the bearer
 * resolver's case-insensitive pattern, then the firewall's Unicode-category pattern on the same header value).
 * Both accept exactly what the patterns accept ({@code HeaderScansTest} compares them); anything the fast path does
 * not accept goes to Spring's own code, so every refusal and its message stay Spring's.
 */
final class HeaderScans {

    private static final String BEARER = "Bearer ";
    private static final BearerTokenResolver SPRING = new DefaultBearerTokenResolver();

    private HeaderScans() {
    }

    /**
     * RFC 6750's {@code Authorization: Bearer <b64token>}, as {@link DefaultBearerTokenResolver} reads it with its
     * defaults (header only; no query or form parameter). A well-formed header is answered here; anything else
     * (none, another scheme, a malformed token) by Spring's resolver.
     */
    static BearerTokenResolver bearerTokenResolver() {
        return request -> {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    && isB64Token(authorization, BEARER.length())) {
                return authorization.substring(BEARER.length());
            }
            return SPRING.resolve(request);
        };
    }

    /** {@code [a-zA-Z0-9-._~+/]+=*} from {@code start} to the end. */
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

    /** The firewall's rule for header names, {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
    static boolean isAllowedHeaderName(String name) {
        return assignedAndNotControl(name, false);
    }

    /** The firewall's rule for header values, {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}: a tab is allowed. */
    static boolean isAllowedHeaderValue(String value) {
        return assignedAndNotControl(value, true);
    }

    /** Every code point assigned, none a control character (but a tab, where allowed). */
    private static boolean assignedAndNotControl(String value, boolean tabAllowed) {
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /** For tests: what Spring's resolver alone would answer. */
    static String springResolve(HttpServletRequest request) {
        return SPRING.resolve(request);
    }
}
