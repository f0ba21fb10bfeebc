package com.example.statuscodes.machinery.speed;

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

/** The header loops of {@link RegexFreeFirewall} accept exactly what Spring Security's regular expressions accept. */
@DisplayName("RegexFreeFirewall: the same rules as Spring Security's patterns, without the patterns")
class RegexFreeFirewallTest {

    /** StrictHttpFirewall's patterns (spring-security-web 7.1). */
    private static final Pattern HEADER_NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "plain", "with space", "tab\there", "nul\u0000", "del\u007f", "c1\u0085", "\u00e9t\u00e9",
            "emoji \ud83d\ude00", "unassigned \u0378", "lone \ud800 surrogate", "line\nbreak", "zero\u200bwidth",
            "private \ue000 use", "unassigned plane \udb40\udc00"})
    void the_header_rules_match_the_firewalls_patterns(String value) {
        assertThat(RegexFreeFirewall.isAllowedHeaderName(value)).isEqualTo(HEADER_NAME.matcher(value).matches());
        assertThat(RegexFreeFirewall.isAllowedHeaderValue(value)).isEqualTo(HEADER_VALUE.matcher(value).matches());
    }
}
