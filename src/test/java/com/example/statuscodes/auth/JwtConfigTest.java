package com.example.statuscodes.auth;

import com.example.statuscodes.support.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

class JwtConfigTest {

    /** The warning of a start without a secret, provoked here on purpose: asserted, not printed into the build. */
    @RegisterExtension
    LogCapture log = LogCapture.of(JwtConfig.class);

    private final JwtConfig config = new JwtConfig();

    @Test
    void a_secret_shorter_than_32_bytes_stops_the_start_up() {
        assertThatThrownBy(() -> config.jwtSigningKey(new JwtProperties("too-short", Duration.ofHours(1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("app.jwt.secret must be at least 32 bytes for HS256");
    }

    @Test
    void a_secret_of_31_bytes_stops_the_start_up() {
        assertThatThrownBy(() -> config.jwtSigningKey(new JwtProperties("s".repeat(31), Duration.ofHours(1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("app.jwt.secret must be at least 32 bytes for HS256");
    }

    @Test
    void a_secret_of_exactly_32_bytes_is_the_key() {
        String secret = "0123456789abcdef0123456789abcdef";
        assertThat(config.jwtSigningKey(new JwtProperties(secret, Duration.ofHours(1))).getEncoded())
                .isEqualTo(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_secret_is_counted_in_utf8_bytes_not_characters() {
        // 16 characters, 32 bytes.
        assertThat(config.jwtSigningKey(new JwtProperties("é".repeat(16), Duration.ofHours(1))).getEncoded()).hasSize(32);
    }

    @Test
    void a_blank_secret_is_no_secret_a_random_key_is_used() {
        assertThat(config.jwtSigningKey(new JwtProperties("   ", Duration.ofHours(1))).getEncoded()).hasSize(32);
    }

    @Test
    void the_random_key_is_random_never_all_zeros_and_never_the_same_twice() {
        byte[] first = config.jwtSigningKey(new JwtProperties(null, Duration.ofHours(1))).getEncoded();
        byte[] second = config.jwtSigningKey(new JwtProperties(null, Duration.ofHours(1))).getEncoded();
        assertThat(first).isNotEqualTo(new byte[32]);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void without_a_secret_a_random_key_is_used_and_a_warning_says_tokens_die_with_the_process() {
        assertThat(config.jwtSigningKey(new JwtProperties(null, Duration.ofHours(1))).getEncoded()).hasSize(32);
        assertThat(log.lines()).singleElement().asString().contains(" WARN ")
                .contains("tokens stop working when the process ends");
    }

    // The beans below are built once per application context; asked directly here, each with its own inputs.

    private static final String SECRET = "test-secret-that-is-at-least-32-bytes-long";
    private static final Instant ISSUED = Instant.parse("2020-01-01T00:00:00Z");
    private final SecretKey key = config.jwtSigningKey(new JwtProperties(SECRET, Duration.ofHours(1)));

    private JwtDecoder decoderAt(Instant now) {
        return config.jwtDecoder(key,
                config.jwtValidator(new JwtProperties(SECRET, Duration.ofHours(1)), Clock.fixed(now, ZoneOffset.UTC)));
    }

    private String token(JwtClaimsSet claims) {
        return config.jwtEncoder(key)
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    private String signed(String payloadJson) throws Exception {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String input = base64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return input + "." + base64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void a_token_the_encoder_issues_is_one_the_decoder_accepts_on_the_decoders_clock() {
        String token = token(JwtClaimsSet.builder().subject("7").claim(TokenClaimRules.CREDENTIALS_VERSION, 0).issuedAt(ISSUED).expiresAt(ISSUED.plusSeconds(3600)).build());

        assertThat(decoderAt(ISSUED.plusSeconds(60)).decode(token).getSubject()).isEqualTo("7");
        assertThatThrownBy(() -> decoderAt(ISSUED.plusSeconds(3600 + 61)).decode(token))
                .isInstanceOf(JwtValidationException.class); // expired, by the injected clock (not the wall clock)
    }

    @Test
    void the_decoder_applies_the_apis_claim_rules() throws Exception {
        long iat = ISSUED.getEpochSecond();
        String twoDays = signed("{\"sub\":\"7\",\"iat\":%d,\"exp\":%d}".formatted(iat, iat + 2 * 86_400));
        assertThatThrownBy(() -> decoderAt(ISSUED).decode(twoDays))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("The token lives longer than tokens of this API do");
    }

    @Test
    void the_decoder_refuses_a_subject_that_is_a_number_not_a_string() throws Exception {
        long iat = ISSUED.getEpochSecond();
        String numeric = signed("{\"sub\":7,\"credentials_version\":0,\"iat\":%d,\"exp\":%d}".formatted(iat, iat + 600));
        assertThatThrownBy(() -> decoderAt(ISSUED).decode(numeric))
                .isInstanceOf(BadJwtException.class)
                .hasMessage("The token's subject is not a string");
        assertThat(decoderAt(ISSUED).decode(signed("{\"sub\":\"7\",\"credentials_version\":0,\"iat\":%d,\"exp\":%d}".formatted(iat, iat + 600)))
                .getSubject()).isEqualTo("7");
    }

    /** The account's count of password and role changes, as a whole number: anything else names no credentials. */
    @ParameterizedTest(name = "credentials_version: {0}")
    @ValueSource(strings = {"", ",\"credentials_version\":-1", ",\"credentials_version\":1.5", ",\"credentials_version\":\"0\"",
            ",\"credentials_version\":null", ",\"credentials_version\":[0]"})
    void the_decoder_refuses_a_token_without_a_whole_credentials_version(String claim) throws Exception {
        long iat = ISSUED.getEpochSecond();
        String token = signed("{\"sub\":\"7\",\"iat\":%d,\"exp\":%d%s}".formatted(iat, iat + 600, claim));
        assertThatThrownBy(() -> decoderAt(ISSUED).decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("The token does not say which credentials it was issued for");
    }

    @Test
    void the_authentication_converter_looks_accounts_up() {
        assertThat(config.jwtAuthenticationConverter(mock(Accounts.class))).isInstanceOf(AccountJwtAuthenticationConverter.class);
    }
}
