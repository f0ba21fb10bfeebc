package com.example.statuscodes.ratelimit;

import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code app.rate-limit.enabled=false} (the spec tests' profile) switches both limits off. */
@ApiTest
class RateLimitDisabledTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;

    @Test
    void no_limit_and_no_ratelimit_headers_when_disabled() {
        String alice = users.alice();
        for (int request = 1; request <= 150; request++) {
            assertThat(mvc.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, alice))
                    .hasStatusOk()
                    .doesNotContainHeader("RateLimit");
        }
    }

    @Test
    void login_attempts_are_not_limited_either_when_disabled() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            assertThat(mvc.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\": \"alice@example.com\", \"password\": \"wrong-password\"}"))
                    .hasStatus(HttpStatus.UNAUTHORIZED)
                    .doesNotContainHeader("RateLimit");
        }
    }
}
