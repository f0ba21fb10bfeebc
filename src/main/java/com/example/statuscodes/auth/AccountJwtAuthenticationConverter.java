package com.example.statuscodes.auth;

import com.example.statuscodes.users.Caller;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Turns a verified token into the request's {@link Caller}, once, trusting the token only for who it names. The role comes
 * from the account as it is now, so a demoted admin loses admin rights at once; a token for an account that
 * no longer exists, or that was issued before the account was created (an id reused after a restart of an
 * in-memory database), is refused with 401 {@code invalid_token}.
 */
class AccountJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final Accounts accounts;

    AccountJwtAuthenticationConverter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        long userId = userId(jwt);
        Accounts.Account account = accounts.find(userId)
                .orElseThrow(() -> new InvalidBearerTokenException("The account of this token no longer exists"));
        Instant issuedAt = jwt.getIssuedAt();
        if (issuedAt == null || issuedAt.isBefore(account.createdAt().truncatedTo(ChronoUnit.SECONDS))) {
            throw new InvalidBearerTokenException("The token was issued before its account was created");
        }
        return new CallerAuthentication(new Caller(userId, account.role()), jwt);
    }

    /** A canonical id, as {@link TokenClaimRules} already made sure. */
    private static long userId(Jwt jwt) {
        return Long.parseLong(jwt.getSubject());
    }
}
