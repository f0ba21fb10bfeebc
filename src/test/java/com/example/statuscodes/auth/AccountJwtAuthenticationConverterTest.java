package com.example.statuscodes.auth;

import com.example.statuscodes.users.Caller;
import com.example.statuscodes.users.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A verified token becomes a caller only while its account's credentials are the ones it was issued for. */
@DisplayName("AccountJwtAuthenticationConverter: the account as it is now decides")
class AccountJwtAuthenticationConverterTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");

    private final Accounts accounts = mock(Accounts.class);
    private final AccountJwtAuthenticationConverter converter = new AccountJwtAuthenticationConverter(accounts);

    private static Jwt token(long credentialsVersion) {
        return Jwt.withTokenValue("t").header("alg", "HS256").subject("7")
                .issuedAt(CREATED.plusSeconds(60)).expiresAt(CREATED.plusSeconds(3660))
                .claim(TokenClaimRules.CREDENTIALS_VERSION, credentialsVersion).build();
    }

    @Test
    void a_token_of_the_current_credentials_is_the_caller_with_the_accounts_role_now() {
        when(accounts.find(7)).thenReturn(Optional.of(new Accounts.Account(Role.ADMIN, CREATED, 3)));
        assertThat(converter.convert(token(3)).getPrincipal()).isEqualTo(new Caller(7, Role.ADMIN));
    }

    @Test
    void a_token_of_earlier_credentials_is_refused_as_no_longer_valid_with_its_own_401() {
        when(accounts.find(7)).thenReturn(Optional.of(new Accounts.Account(Role.USER, CREATED, 3)));
        assertThatThrownBy(() -> converter.convert(token(2)))
                .isInstanceOfSatisfying(TokenNoLongerValidException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
                    assertThat(refused.getBody().getStatus()).isEqualTo(401);
                    assertThat(refused.getBody().getDetail()).isEqualTo("The access token is no longer valid: the"
                            + " account's password or role changed after it was issued; log in again");
                });
    }
}
