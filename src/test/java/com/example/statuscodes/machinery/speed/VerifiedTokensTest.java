package com.example.statuscodes.machinery.speed;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token's signature is verified once; whether it is still good is decided on every use. */
class VerifiedTokensTest {

    private static final Duration TTL = Duration.ofHours(1);

    private static final Duration SKEW = Duration.ofSeconds(60);

    private final SecretKey key = new SecretKeySpec(
            "a-test-secret-that-is-at-least-32-bytes".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    private Instant now = Instant.parse("2026-11-28T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    };
    private final OAuth2TokenValidator<Jwt> unexpired = unexpired();
    /** What the application's decoder does, in short: HS256 with our key, then the time-dependent rules. */
    private final JwtDecoder uncached = uncached();
    private final JwtDecoder decoder = new VerifiedTokens(uncached, unexpired, TTL.plus(SKEW));

    private OAuth2TokenValidator<Jwt> unexpired() {
        JwtTimestampValidator validator = new JwtTimestampValidator(SKEW);
        validator.setClock(clock);
        return validator;
    }

    private JwtDecoder uncached() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        nimbus.setJwtValidator(unexpired);
        return nimbus;
    }

    private String token() {
        JwtClaimsSet claims = JwtClaimsSet.builder().subject("2").issuedAt(now).expiresAt(now.plus(TTL)).build();
        return NimbusJwtEncoder.withSecretKey(key).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    @Test
    void a_token_used_twice_is_parsed_and_verified_once() {
        AtomicInteger fullChecks = new AtomicInteger();
        JwtDecoder counting = token -> {
            fullChecks.incrementAndGet();
            return decoder.decode(token);
        };
        VerifiedTokens verified = new VerifiedTokens(counting, jwt -> OAuth2TokenValidatorResult.success(), TTL);
        String token = token();

        Jwt first = verified.decode(token);

        assertThat(verified.decode(token)).isSameAs(first);
        assertThat(fullChecks).hasValue(1);
    }

    @Test
    void a_refused_token_is_not_remembered() {
        AtomicInteger fullChecks = new AtomicInteger();
        VerifiedTokens verified = new VerifiedTokens(token -> {
            fullChecks.incrementAndGet();
            throw new JwtException("refused");
        }, jwt -> OAuth2TokenValidatorResult.success(), TTL);

        assertThatThrownBy(() -> verified.decode("some-token")).hasMessage("refused");
        assertThatThrownBy(() -> verified.decode("some-token")).hasMessage("refused");
        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void a_token_accepted_once_is_refused_once_it_has_expired_with_the_same_words_as_without_the_cache() {
        String token = token();
        assertThat(decoder.decode(token).getSubject()).isEqualTo("2");

        now = now.plus(TTL).plus(SKEW).plusSeconds(1);

        String expected = catchMessage(uncached, token);
        assertThat(expected).contains("Jwt expired");
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessage(expected);
    }

    private static String catchMessage(JwtDecoder decoder, String token) {
        try {
            decoder.decode(token);
        } catch (JwtValidationException refused) {
            return refused.getMessage();
        }
        throw new AssertionError("the token was accepted");
    }
}
