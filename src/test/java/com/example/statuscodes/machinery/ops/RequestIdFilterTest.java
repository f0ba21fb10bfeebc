package com.example.statuscodes.machinery.ops;

import ch.qos.logback.classic.Level;
import com.example.statuscodes.support.LogCapture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One status per request: the access log writes the status the client got, the one {@code http.server.requests}
 * counts, also when an exception escapes after the answer went out (a client that went away mid-body while its 400
 * was being written: before, the log said 500 and the metrics 400).
 */
@DisplayName("The access log: the status that was sent")
class RequestIdFilterTest {

    private final RequestIdFilter filter = new RequestIdFilter();

    @Test
    void a_client_gone_after_its_400_went_out_is_logged_as_400() {
        assertThat(accessLineAfterFailure(true)).endsWith("POST /api/users 400");
    }

    @Test
    void an_exception_before_anything_was_sent_is_logged_as_the_containers_500() {
        assertThat(accessLineAfterFailure(false)).endsWith("POST /api/users 500");
    }

    /** The access line (without its duration) after the chain set a 400 and then threw. */
    private String accessLineAfterFailure(boolean committed) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/users");
        MockHttpServletResponse response = new MockHttpServletResponse();
        try (LogCapture log = LogCapture.of("access").and("access", Level.INFO).start()) {
            assertThatExceptionOfType(IOException.class).isThrownBy(() -> filter.doFilter(request, response, (req, res) -> {
                response.setStatus(400);
                response.setCommitted(committed);
                throw new IOException("Connection reset by peer");
            }));
            return log.lines().get(0).replaceAll(" \\d+ ms$", "");
        }
    }
}
