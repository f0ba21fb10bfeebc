package com.example.statuscodes.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class JwtConfigTest {

    private final JwtConfig config = new JwtConfig();

    @Test
    void a_secret_shorter_than_32_bytes_stops_the_start_up() {
        assertThatThrownBy(() -> config.jwtSigningKey(new JwtProperties("too-short", Duration.ofHours(1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("app.jwt.secret must be at least 32 bytes for HS256");
    }

    @Test
    void without_a_secret_a_random_key_is_used_and_a_warning_says_tokens_die_with_the_process(CapturedOutput log) {
        assertThat(config.jwtSigningKey(new JwtProperties(null, Duration.ofHours(1))).getEncoded()).hasSize(32);
        assertThat(log.getOut()).contains("tokens stop working when the process ends");
    }
}
