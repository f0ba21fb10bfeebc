package com.example.statuscodes.auth;

import com.example.statuscodes.users.Caller;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Turns a verified token into the request's {@link Caller}, once, trusting the token only for who it names. The
 * account is read as it is now, on every request, so each of these holds on every instance at the next request:
 * <ul>
 *   <li>a token for an account that no longer exists, or that was issued before the account was created (an id
 *       reused after a restart of an in-memory database), is refused with 401 {@code invalid_token};</li>
 *   <li>a token issued before the account's password or role changed (its {@code credentials_version} is not the
 *       account's) is refused with 401 {@code invalid_token}, saying so ({@link TokenNoLongerValidException});</li>
 *   <li>the role is the account's, never the token's.</li>
 * </ul>
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
        if (credentialsVersion(jwt) != account.credentialsVersion()) {
            throw new TokenNoLongerValidException();
        }
        return new CallerAuthentication(new Caller(userId, account.role()), jwt);
    }

    /** A canonical id, as {@link TokenClaimRules} already made sure. */
    private static long userId(Jwt jwt) {
        return Long.parseLong(jwt.getSubject());
    }

    /** A whole number, as {@link TokenClaimRules} already made sure. */
    private static long credentialsVersion(Jwt jwt) {
        return jwt.<Long>getClaim(TokenClaimRules.CREDENTIALS_VERSION);
    }
}
