package com.example.statuscodes.auth;

import com.nimbusds.jose.JWSObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.util.Map;

/** The API issues and verifies its own HS256 tokens; one shared secret, no external identity provider. */
@Configuration
class JwtConfig {

    private static final int MIN_KEY_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(JwtConfig.class);

    @Bean
    SecretKey jwtSigningKey(JwtProperties properties) {
        byte[] key;
        if (properties.secret() == null || properties.secret().isBlank()) {
            key = new byte[MIN_KEY_BYTES];
            new SecureRandom().nextBytes(key);
            log.warn("app.jwt.secret is not set: using a random key, so tokens stop working when the process ends");
        } else {
            key = properties.secret().getBytes(StandardCharsets.UTF_8);
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalStateException("app.jwt.secret must be at least " + MIN_KEY_BYTES + " bytes for HS256");
            }
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return NimbusJwtEncoder.withSecretKey(jwtSigningKey).build();
    }

    /** Unexpired, and with the claims {@link TokenClaimRules} asks for; checked on every request. */
    @Bean
    OAuth2TokenValidator<Jwt> jwtValidator(JwtProperties properties, Clock clock) {
        JwtTimestampValidator unexpired = new JwtTimestampValidator(TokenClaimRules.SKEW);
        unexpired.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(unexpired, new TokenClaimRules(properties.ttl(), clock));
    }

    /**
     * Accepts HS256 signed with our key only ({@code alg: none}, other keys and other algorithms fail) that passes
     * {@code jwtValidator}; anything else is a 401.
     */
    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtSigningKey, OAuth2TokenValidator<Jwt> jwtValidator) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(jwtValidator);
        return token -> {
            Jwt jwt = decoder.decode(token); // signature, expiry and claim rules first
            // The parser reads "sub": 2 as "2"; RFC 7519 makes sub a string, and the API writes it as one.
            if (!(rawClaims(token).get(JwtClaimNames.SUB) instanceof String)) {
                throw new BadJwtException("The token's subject is not a string");
            }
            return jwt;
        };
    }

    private static Map<String, Object> rawClaims(String token) {
        try {
            return JWSObject.parse(token).getPayload().toJSONObject();
        } catch (ParseException unreadable) {
            throw new BadJwtException("The token cannot be read", unreadable);
        }
    }

    /** Who the token names, with the role the database gives that account now. */
    @Bean
    AccountJwtAuthenticationConverter jwtAuthenticationConverter(Accounts accounts) {
        return new AccountJwtAuthenticationConverter(accounts);
    }
}
