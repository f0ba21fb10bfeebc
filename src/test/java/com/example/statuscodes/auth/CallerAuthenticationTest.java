package com.example.statuscodes.auth;

import com.example.statuscodes.users.Caller;
import com.example.statuscodes.users.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What a verified token becomes: the caller as principal, its role as the one authority, the token as credentials. */
class CallerAuthenticationTest {

    private final Jwt token = Jwt.withTokenValue("token-value").header("alg", "HS256").subject("7")
            .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).expiresAt(Instant.parse("2026-01-01T01:00:00Z")).build();

    @Test
    void the_caller_is_the_principal_and_its_role_the_one_authority() {
        CallerAuthentication authentication = new CallerAuthentication(new Caller(7, Role.ADMIN), token);

        assertThat(authentication.getPrincipal()).isEqualTo(new Caller(7, Role.ADMIN));
        assertThat(authentication.getName()).isEqualTo("7");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_ADMIN");
        assertThat(authentication.isAuthenticated()).isTrue();
    }

    @Test
    void the_verified_token_is_the_credentials() {
        assertThat(new CallerAuthentication(new Caller(7, Role.USER), token).getCredentials()).isSameAs(token);
    }
}
