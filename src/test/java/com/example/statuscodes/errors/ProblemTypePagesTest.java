package com.example.statuscodes.errors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each problem type's page links to the walkthrough's sections that show it (/docs/#status-NNN). That those sections
 * exist and show an answer of the type is WalkthroughTest's check, against the page itself.
 */
@DisplayName("Problem type pages link to the walkthrough's sections that show them")
class ProblemTypePagesTest {

    private final ProblemTypePages pages = new ProblemTypePages();

    private String page(ProblemType type) {
        return pages.page(type.slug()).getBody();
    }

    @Test
    void validation_links_to_the_400_and_422_sections() {
        assertThat(page(ProblemType.VALIDATION)).contains("Seen in the walkthrough: <a href=\"/docs/#status-400\">400 Bad"
                + " Request</a>, <a href=\"/docs/#status-422\">422 Unprocessable Content</a>.");
    }

    @Test
    void rate_limit_links_to_the_429_section() {
        assertThat(page(ProblemType.RATE_LIMIT))
                .contains("Seen in the walkthrough: <a href=\"/docs/#status-429\">429 Too Many Requests</a>.");
    }

    @Test
    void server_error_links_to_the_500_section() {
        assertThat(page(ProblemType.SERVER_ERROR))
                .contains("Seen in the walkthrough: <a href=\"/docs/#status-500\">500 Internal Server Error</a>.");
    }
}
