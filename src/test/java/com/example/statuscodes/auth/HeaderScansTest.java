package com.example.statuscodes.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The loops of {@link HeaderScans} accept exactly what Spring Security's regular expressions accept. */
@DisplayName("HeaderScans: the same rules as Spring Security's patterns, without the patterns")
class HeaderScansTest {

    /** StrictHttpFirewall's patterns (spring-security-web 7.1). */
    private static final Pattern HEADER_NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @ParameterizedTest(name = "Authorization: \"{0}\"")
    @ValueSource(strings = {
            "Bearer abc.DEF-ghi_jkl~mno+pqr/stu", "Bearer abc==", "bearer abc", "BEARER abc", "Bearer a=",
            "Bearer ", "Bearer", "Bearer  abc", "Bearer abc def", "Bearer abc=d", "Bearer =", "Bearer ab%cd",
            "Bearer abc\t", "Bearer ab\u00e9", "Basic dXNlcjpwYXNz", "Bearerabc", "Token abc", "", "   "})
    void the_bearer_resolver_answers_every_header_as_springs_does(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        request.addHeader("Authorization", authorization);
        OAuth2AuthenticationException springError = catchThrowableOfType(OAuth2AuthenticationException.class,
                () -> HeaderScans.springResolve(request));
        if (springError != null) {
            assertThatThrownBy(() -> HeaderScans.bearerTokenResolver().resolve(request))
                    .isInstanceOf(OAuth2AuthenticationException.class)
                    .hasMessage(springError.getMessage());
        } else {
            assertThat(HeaderScans.bearerTokenResolver().resolve(request)).isEqualTo(HeaderScans.springResolve(request));
        }
    }

    /** RFC 6750's b64token, the pattern the fast path replaces. */
    private static final Pattern B64_TOKEN = Pattern.compile("[a-zA-Z0-9-._~+/]+=*");

    /**
     * The fast path itself accepts every token the pattern accepts (were it stricter, Spring's resolver would still
     * give the same answer, only at the regular expression's price), and nothing else.
     */
    @Test
    void the_fast_path_accepts_exactly_the_b64_tokens_with_any_ascii_character() {
        for (char c = 0; c < 128; c++) {
            for (String token : new String[] {"" + c, "a" + c + "b", c + "=", "x" + c}) {
                assertThat(HeaderScans.isB64Token("Bearer " + token, 7)).as("character %d in \"%s\"", (int) c, token)
                        .isEqualTo(B64_TOKEN.matcher(token).matches());
            }
        }
    }

    @Test
    void every_ascii_character_in_a_token_is_judged_as_springs_pattern_judges_it() {
        for (char c = 0; c < 128; c++) {
            for (String authorization : new String[] {"Bearer " + c, "Bearer a" + c + "b", "Bearer " + c + "="}) {
                MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
                request.addHeader("Authorization", authorization);
                String spring;
                try {
                    spring = HeaderScans.springResolve(request);
                } catch (OAuth2AuthenticationException malformed) {
                    spring = "refused";
                }
                String ours;
                try {
                    ours = HeaderScans.bearerTokenResolver().resolve(request);
                } catch (OAuth2AuthenticationException malformed) {
                    ours = "refused";
                }
                assertThat(ours).as("character %d in %s", (int) c, authorization).isEqualTo(spring);
            }
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "plain", "with space", "tab\there", "nul\u0000", "del\u007f", "c1\u0085", "\u00e9t\u00e9",
            "emoji \ud83d\ude00", "unassigned \u0378", "lone \ud800 surrogate", "line\nbreak", "zero\u200bwidth",
            "private \ue000 use", "unassigned plane \udb40\udc00"})
    void the_header_rules_match_the_firewalls_patterns(String value) {
        assertThat(HeaderScans.isAllowedHeaderName(value)).isEqualTo(HEADER_NAME.matcher(value).matches());
        assertThat(HeaderScans.isAllowedHeaderValue(value)).isEqualTo(HEADER_VALUE.matcher(value).matches());
    }
}
