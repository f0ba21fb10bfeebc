package com.example.statuscodes.machinery.tomcat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The edges of HEAD's counted body that no endpoint reaches today; {@code HeadAndTraceTest} covers the endpoints. */
@DisplayName("HEAD like GET: the counted body")
class HeadLikeGetTest {

    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void a_body_dropped_part_way_counts_only_what_is_written_after() throws Exception {
        new HeadLikeGet().doFilter(new MockHttpServletRequest("HEAD", "/x"), response, (request, answer) -> {
            assertThat(((HttpServletRequest) request).getMethod()).isEqualTo("GET");
            answer.getWriter().write("x".repeat(100));
            answer.resetBuffer(); // what MVC does before it renders an error
            answer.getWriter().write("{\"status\":500}");
        });
        assertThat(response.getHeader(HttpHeaders.CONTENT_LENGTH)).isEqualTo("14");
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void a_304_gets_no_content_length() throws Exception {
        new HeadLikeGet().doFilter(new MockHttpServletRequest("HEAD", "/x"), response,
                (request, answer) -> ((HttpServletResponse) answer).setStatus(HttpServletResponse.SC_NOT_MODIFIED));
        assertThat(response.getStatus()).isEqualTo(304);
        assertThat(response.containsHeader(HttpHeaders.CONTENT_LENGTH)).isFalse();
    }
}
