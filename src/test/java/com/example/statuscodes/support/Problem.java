package com.example.statuscodes.support;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.assertj.MvcTestResultAssert;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape every error of this API has: RFC 9457 problem+json with all five standard members. */
public final class Problem {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problem() {
    }

    /** Asserts status, {@code Content-Type: application/problem+json} and type, title, status, detail, instance. */
    public static MvcTestResultAssert assertProblem(MvcTestResult result, HttpStatus status, String detail) {
        return assertProblem(result, status, detail, result.getRequest().getRequestURI());
    }

    public static MvcTestResultAssert assertProblem(MvcTestResult result, HttpStatus status, String detail,
                                                    String instance) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("type", "about:blank");
        expected.put("title", status.getReasonPhrase());
        expected.put("status", status.value());
        if (detail != null) { // null: the caller checks a detail that varies (an error id)
            expected.put("detail", detail);
        }
        expected.put("instance", instance);
        MvcTestResultAssert response = assertThat(result)
                .hasStatus(status)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        response.bodyJson().isLenientlyEqualTo(JSON.writeValueAsString(expected));
        return response;
    }

    /** The guide's {@code "errors"} map, exactly: one message per field, no more, no less. */
    public static void assertErrors(MvcTestResult result, Map<String, String> errors) {
        assertThat(result).bodyJson().extractingPath("$.errors").asMap()
                .containsExactlyInAnyOrderEntriesOf(errors);
    }
}
