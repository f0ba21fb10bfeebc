package com.example.statuscodes.auth;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What a token must say besides carrying our signature, so that a leaked key or a hand-made token cannot mint
 * an everlasting or ambiguous one: an {@code exp} and an {@code iat}, issued no later than now, living no longer
 * than {@code app.jwt.ttl} (each with {@link #SKEW} for clocks that differ a little), naming a user by the id
 * exactly as {@link TokenService} writes it ({@code "2"}, never {@code "02"} or {@code "+2"}), and saying which
 * {@value #CREDENTIALS_VERSION} of the account it was issued for (a whole number). A token that
 * breaks one is a 401 {@code invalid_token}; the expiry itself is checked by Spring's {@code JwtTimestampValidator}.
 */
final class TokenClaimRules implements OAuth2TokenValidator<Jwt> {

    static final Duration SKEW = Duration.ofSeconds(60);
    /** The account's count of password and role changes when the token was issued ({@code users.User}). */
    static final String CREDENTIALS_VERSION = "credentials_version";
    private static final Pattern CANONICAL_ID = Pattern.compile("[1-9][0-9]{0,18}");

    private final Duration ttl;
    private final Clock clock;

    TokenClaimRules(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant issuedAt = token.getIssuedAt();
        Instant expiresAt = token.getExpiresAt();
        if (issuedAt == null || expiresAt == null) {
            return refuse("The token must say when it was issued and when it expires");
        }
        if (issuedAt.isAfter(Instant.now(clock).plus(SKEW))) {
            return refuse("The token is issued in the future");
        }
        if (Duration.between(issuedAt, expiresAt).compareTo(ttl.plus(SKEW)) > 0) {
            return refuse("The token lives longer than tokens of this API do");
        }
        String subject = token.getSubject();
        if (subject == null || !CANONICAL_ID.matcher(subject).matches()) {
            return refuse("The token does not name a user");
        }
        if (!(token.getClaims().get(CREDENTIALS_VERSION) instanceof Long version) || version < 0) {
            return refuse("The token does not say which credentials it was issued for");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refuse(String reason) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, reason, null));
    }
}
