package com.example.statuscodes.support;

import com.jayway.jsonpath.JsonPath;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.io.UnsupportedEncodingException;

import static org.assertj.core.api.Assertions.assertThat;

/** The request id of an answer: the {@code X-Request-Id} header and, on a problem, the {@code requestId} member. */
public final class RequestIds {

    /** A UUID, as generated for a request that came without a usable id. */
    public static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private RequestIds() {
    }

    /** Asserts that the problem carries exactly the id of its header, and returns that id. */
    public static String assertProblemCarriesRequestId(MvcTestResult result) {
        String header = result.getResponse().getHeader("X-Request-Id");
        assertThat(header).as("X-Request-Id header").isNotBlank();
        try {
            String member = JsonPath.read(result.getResponse().getContentAsString(), "$.requestId");
            assertThat(member).as("the problem's requestId member").isEqualTo(header);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        return header;
    }
}
