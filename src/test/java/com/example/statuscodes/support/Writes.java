package com.example.statuscodes.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/**
 * The authenticated write of a user, spelled once: {@code PUT}, {@code PATCH} or {@code DELETE} of
 * {@code /api/users/{id}} with the caller's {@code Authorization} header and the body in the media type that method
 * takes. Returns the request unsent, so a test adds what it is about ({@code If-Match}, {@code Accept}) and then
 * asserts or exchanges it.
 */
public final class Writes {

    /** A JSON merge patch (RFC 7396): the only body {@code PATCH} takes. */
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private Writes() {
    }

    /** {@code PATCH} takes a merge patch; {@code PUT} and {@code POST} the whole resource as JSON. */
    public static String mediaTypeFor(HttpMethod method) {
        return method == HttpMethod.PATCH ? MERGE_PATCH : MediaType.APPLICATION_JSON_VALUE;
    }

    /**
     * @param authorization the {@code Authorization} header ({@code users.tokenFor(user)}, {@code users.admin()}), or
     *                      null for an anonymous request
     * @param body          the body, or null for none (a {@code DELETE})
     */
    public static MockMvcRequestBuilder writeUser(MockMvcTester mvc, HttpMethod method, Object id, String authorization,
                                                  String body) {
        MockMvcRequestBuilder request = mvc.method(method).uri("/api/users/{id}", id);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (body != null) {
            request.contentType(mediaTypeFor(method)).content(body);
        }
        return request;
    }
}
