package com.example.statuscodes.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The resolver takes exactly the tokens Spring's {@link DefaultBearerTokenResolver} takes; where Spring calls the
 * header malformed (401 invalid_token), it says 400 invalid_request; and two Authorization headers are refused.
 */
@DisplayName("StrictBearerTokenResolver: Spring's tokens, and 400 invalid_request for every header Spring calls malformed")
class StrictBearerTokenResolverTest {

    private static final BearerTokenResolver SPRING = new DefaultBearerTokenResolver();
    /** RFC 6750's b64token. */
    private static final Pattern B64_TOKEN = Pattern.compile("[a-zA-Z0-9-._~+/]+=*");

    private final StrictBearerTokenResolver resolver = new StrictBearerTokenResolver();

    @ParameterizedTest(name = "Authorization: \"{0}\"")
    @ValueSource(strings = {
            "Bearer abc.DEF-ghi_jkl~mno+pqr/stu", "Bearer abc==", "bearer abc", "BEARER abc", "Bearer a=",
            "Bearer ", "Bearer", "Bearer  abc", "Bearer abc def", "Bearer abc=d", "Bearer =", "Bearer ab%cd",
            "Bearer abc\t", "Bearer ab\u00e9", "Basic dXNlcjpwYXNz", "Bearerabc", "Token abc", "", "   ", "Bear"})
    void answers_every_header_as_spring_does_but_malformed_is_invalid_request(String authorization) {
        assertThat(answer(resolver, authorization)).isEqualTo(springAnswer(authorization));
    }

    @Test
    void every_ascii_character_in_a_token_is_judged_as_springs_pattern_judges_it() {
        for (char c = 0; c < 128; c++) {
            for (String authorization : new String[] {"Bearer " + c, "Bearer a" + c + "b", "Bearer " + c + "="}) {
                assertThat(answer(resolver, authorization)).as("character %d in %s", (int) c, authorization)
                        .isEqualTo(springAnswer(authorization));
            }
        }
    }

    @Test
    void the_b64token_loop_accepts_exactly_the_rfc_6750_pattern() {
        for (char c = 0; c < 128; c++) {
            for (String token : new String[] {"" + c, "a" + c + "b", c + "=", "x" + c}) {
                assertThat(StrictBearerTokenResolver.isB64Token("Bearer " + token, 7))
                        .as("character %d in \"%s\"", (int) c, token).isEqualTo(B64_TOKEN.matcher(token).matches());
            }
        }
    }

    @Test
    void two_authorization_headers_are_invalid_request_even_when_both_are_good() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        request.addHeader("Authorization", "Bearer abc");
        request.addHeader("Authorization", "Bearer abc");
        assertThat(answer(resolver, request)).isEqualTo("400 invalid_request: " + StrictBearerTokenResolver.MALFORMED);
    }

    @Test
    void no_authorization_header_is_no_token() {
        assertThat(resolver.resolve(new MockHttpServletRequest("GET", "/api/me"))).isNull();
    }

    /** Spring's answer, with its "malformed" refusal turned into the invalid_request this resolver promises. */
    private static String springAnswer(String authorization) {
        String spring = answer(SPRING, authorization);
        return spring.startsWith("refused") ? "400 invalid_request: " + StrictBearerTokenResolver.MALFORMED : spring;
    }

    private static String answer(BearerTokenResolver resolver, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        request.addHeader("Authorization", authorization);
        return answer(resolver, request);
    }

    private static String answer(BearerTokenResolver resolver, MockHttpServletRequest request) {
        OAuth2AuthenticationException refused = catchThrowableOfType(OAuth2AuthenticationException.class,
                () -> resolver.resolve(request));
        if (refused == null) {
            return "token " + resolver.resolve(request);
        }
        if (resolver == SPRING) {
            return "refused " + refused.getError().getErrorCode();
        }
        return "400 " + refused.getError().getErrorCode() + ": " + refused.getError().getDescription();
    }
}
