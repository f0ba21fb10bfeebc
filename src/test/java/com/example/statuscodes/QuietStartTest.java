package com.example.statuscodes;

import ch.qos.logback.classic.Level;
import com.example.statuscodes.support.LogCapture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A normal start, as {@code ./mvnw spring-boot:run} makes it (no test profile, a real Tomcat), logs no warning and
 * no error: each one would be a line every reader of the log has to learn to skip (Flyway's notice about the H2
 * version, springdoc's about its endpoints, ...). The one warning a start gives on purpose, that tokens will not
 * outlive a process without {@code app.jwt.secret}, is left out by setting the secret, as production must.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:quiet-start;DB_CLOSE_DELAY=-1",
        "app.jwt.secret=quiet-start-secret-that-is-at-least-32-bytes",
        "app.metrics.port=0"})
@DisplayName("A normal start logs no warning")
class QuietStartTest {

    /** Static: it spans the class, so it sees the application context start. */
    @RegisterExtension
    static LogCapture start = LogCapture.of(Logger.ROOT_LOGGER_NAME);

    @Test
    void a_normal_start_logs_no_warning_and_no_error() {
        assertThat(start.lines()).as("the start's log").anyMatch(line -> line.contains("Started QuietStartTest"));
        assertThat(start.events()).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(event -> event.getLoggerName() + ": " + event.getFormattedMessage())
                .as("warnings and errors of a normal start").isEmpty();
    }
}
