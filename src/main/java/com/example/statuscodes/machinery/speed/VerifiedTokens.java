package com.example.statuscodes.machinery.speed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Duration;

/**
 * Buys a sixth of a refused request's CPU and a tenth of an authenticated GET's (bench/BENCHMARKS.md, profiling
 * notes): a token is parsed and its signature verified once, not on every request that carries it. It decorates
 * {@code auth.JwtConfig}'s {@code jwtDecoder} ({@link VerifiedTokensConfig}); without it, that decoder runs whole
 * on every request, with the same answers.
 * <p>
 * Whether a string is an HS256 token signed with our key never changes, so that answer can be remembered; whether
 * the token is still good can change (it expires), so the claim rules, expiry among them, run on every request,
 * exactly as the full decoder runs them. Only tokens that passed every check are remembered; a cached token that
 * now fails a rule goes through the full decoder again, so its 401 is the same refusal, word for word, as without
 * the cache (and stays cached until a success replaces it or it ages out: it can only ever fail the same rule again).
 * <p>
 * Why bother: a client sends the same token on every request for up to an hour, and parsing it (Base64, JSON,
 * twice, see {@code auth.JwtConfig}) and computing its HMAC took a sixth of a refused request (a 429) and a tenth of an
 * authenticated GET (bench/BENCHMARKS.md, profiling notes).
 */
final class VerifiedTokens implements JwtDecoder {

    /** About 1 KiB each: bounds the memory to ~10 MiB, whatever the number of clients. */
    static final int MAX_TOKENS = 10_000;

    private final JwtDecoder fullCheck;
    private final OAuth2TokenValidator<Jwt> timeDependentRules;
    private final Cache<String, Jwt> verified;

    /**
     * @param fullCheck          parses, verifies the signature and applies {@code timeDependentRules}
     * @param timeDependentRules the rules {@code fullCheck} applies, checked again on every cached use
     * @param maxAge             how long a verified token is kept (no longer than a token lives)
     */
    VerifiedTokens(JwtDecoder fullCheck, OAuth2TokenValidator<Jwt> timeDependentRules, Duration maxAge) {
        this.fullCheck = fullCheck;
        this.timeDependentRules = timeDependentRules;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(maxAge).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && !timeDependentRules.validate(known).hasErrors()) {
            return known;
        }
        Jwt jwt = fullCheck.decode(token); // throws for anything that is not (or no longer) a good token
        verified.put(token, jwt);
        return jwt;
    }
}
