package com.example.statuscodes.machinery.tomcat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HeaderDeadlineSettingTest {

    /** Zero is not "off": every head needing a second read would be closed at the next sweep; the start fails instead. */
    @ParameterizedTest(name = "app.request-header-timeout={0}")
    @ValueSource(strings = {"PT0S", "PT-1S"})
    void a_deadline_that_is_not_positive_fails_the_start(String timeout) {
        assertThatIllegalArgumentException().isThrownBy(() -> new HeaderDeadline(Duration.parse(timeout)))
                .withMessage("app.request-header-timeout must be positive, was " + Duration.parse(timeout));
    }
}
