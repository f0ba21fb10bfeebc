package com.example.statuscodes.spec;

import com.example.statuscodes.errors.ProblemType;
import com.example.statuscodes.support.ApiTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.example.statuscodes.support.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 9457 §3.1.1: a problem with extension members names a {@code type} that defines them, and that type URI
 * leads a developer to documentation. Which problems carry which type is asserted in each status class
 * ({@code Problem.assertProblem} with a {@link ProblemType}, and {@code assertErrors}); here: every type is a page.
 */
@ApiTest
@DisplayName("Problem types: every type URI is a page")
class ProblemTypesTest {

    @Autowired
    MockMvcTester mvc;

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProblemType.class)
    void every_problem_type_uri_answers_200_with_a_page_about_it_without_a_token(ProblemType type) {
        assertThat(mvc.get().uri(type.uri().toString()).accept(MediaType.TEXT_HTML))
                .hasStatusOk()
                .hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
                .bodyText().contains("<h1>").contains(type.uri().toString());
    }

    @Test
    void the_validation_page_explains_the_400_422_line() {
        assertThat(mvc.get().uri("/problems/validation"))
                .hasStatusOk()
                .bodyText().contains("Invalid request fields").contains("400 Bad Request")
                .contains("422 Unprocessable Content").contains("<code>errors</code>");
    }

    @Test
    void an_unknown_problem_type_returns_404_problem() {
        assertProblem(mvc.get().uri("/problems/nope").exchange(), HttpStatus.NOT_FOUND, "No problem type 'nope'");
    }
}
