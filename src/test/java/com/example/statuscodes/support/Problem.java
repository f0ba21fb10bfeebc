package com.example.statuscodes.support;

import com.example.statuscodes.errors.ProblemType;
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

    /**
     * Asserts status, {@code Content-Type: application/problem+json} and type, title, status, detail, instance,
     * for a problem that means no more than its status ({@code "type": "about:blank"}).
     */
    public static MvcTestResultAssert assertProblem(MvcTestResult result, HttpStatus status, String detail) {
        return assertProblem(result, status, detail, result.getRequest().getRequestURI());
    }

    public static MvcTestResultAssert assertProblem(MvcTestResult result, HttpStatus status, String detail,
                                                    String instance) {
        return assertProblem(result, "about:blank", status, detail, instance);
    }

    /** The same for a problem of one of the API's own types, whose extension members the type defines. */
    public static MvcTestResultAssert assertProblem(MvcTestResult result, ProblemType type, HttpStatus status,
                                                    String detail) {
        return assertProblem(result, type.uri().toString(), status, detail, result.getRequest().getRequestURI());
    }

    public static MvcTestResultAssert assertProblem(MvcTestResult result, ProblemType type, HttpStatus status,
                                                    String detail, String instance) {
        return assertProblem(result, type.uri().toString(), status, detail, instance);
    }

    private static MvcTestResultAssert assertProblem(MvcTestResult result, String type, HttpStatus status,
                                                     String detail, String instance) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("type", type);
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

    /** The guide's {@code "errors"} map, exactly: one message per field, no more, no less; only in a validation problem. */
    public static void assertErrors(MvcTestResult result, Map<String, String> errors) {
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(ProblemType.VALIDATION.uri().toString());
        assertThat(result).bodyJson().extractingPath("$.errors").asMap()
                .containsExactlyInAnyOrderEntriesOf(errors);
    }
}
