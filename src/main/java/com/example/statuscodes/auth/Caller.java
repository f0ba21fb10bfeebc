package com.example.statuscodes.auth;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling: the user id from a verified token, or nobody (an anonymous sign-up). */
public record Caller(Long userId, boolean admin) {

    public static final Caller ANONYMOUS = new Caller(null, false);

    public static Caller of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return ANONYMOUS;
        }
        boolean admin = token.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
        return new Caller(Long.valueOf(token.getToken().getSubject()), admin);
    }

    public boolean owns(long accountId) {
        return userId != null && userId == accountId;
    }
}
