package com.example.statuscodes.errors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of the {@code errors} map that HTTP cannot show on demand: Bean Validation reports the violations of one
 * field in no fixed order, so the message that wins must not depend on that order; and the hints for types that no
 * body of this API has today (a decimal number, an unknown type). The spec classes show the same rules through HTTP
 * where a request can trigger them ({@code Status400BadRequestTest}, {@code Status422UnprocessableContentTest}).
 */
class ValidationErrorsTest {

    private static FieldError error(String field, String code, String message) {
        return new FieldError("user", field, null, false, new String[] {code}, null, message);
    }

    private static final FieldError REQUIRED = error("email", "NotBlank", "Is required");
    private static final FieldError FORMAT = error("email", "Email", "Invalid format");
    private static final FieldError LENGTH = error("email", "Size", "Must be at most 254 characters");

    @SuppressWarnings("unchecked")
    private static Map<String, String> errors(ProblemDetail problem) {
        return (Map<String, String>) problem.getProperties().get("errors");
    }

    @Test
    void missing_beats_a_rule_whichever_comes_first_and_the_answer_is_400() {
        for (ValidationErrors errors : new ValidationErrors[] {
                new ValidationErrors().field(REQUIRED).field(FORMAT),
                new ValidationErrors().field(FORMAT).field(REQUIRED)}) {
            ProblemDetail problem = errors.toProblem();
            assertThat(problem.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
            assertThat(problem.getDetail()).isEqualTo("Missing required field: email");
            assertThat(errors(problem)).containsExactly(Map.entry("email", "Is required"));
        }
    }

    @Test
    void two_broken_rules_give_the_alphabetically_first_message_whichever_comes_first() {
        for (ValidationErrors errors : new ValidationErrors[] {
                new ValidationErrors().field(FORMAT).field(LENGTH),
                new ValidationErrors().field(LENGTH).field(FORMAT)}) {
            ProblemDetail problem = errors.toProblem();
            assertThat(problem.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT.value());
            assertThat(problem.getDetail()).isEqualTo("Validation failed");
            assertThat(errors(problem)).containsExactly(Map.entry("email", "Invalid format"));
        }
    }

    @Test
    void two_missing_codes_give_the_alphabetically_first_message_whichever_comes_first() {
        FieldError notNull = error("age", "NotNull", "Is required");
        FieldError notEmpty = error("age", "NotEmpty", "Must not be empty");
        assertThat(errors(new ValidationErrors().field(notNull).field(notEmpty).toProblem()))
                .containsExactly(Map.entry("age", "Is required"));
        assertThat(errors(new ValidationErrors().field(notEmpty).field(notNull).toProblem()))
                .containsExactly(Map.entry("age", "Is required"));
    }

    @Test
    void the_same_message_twice_is_one_entry() {
        assertThat(errors(new ValidationErrors().field(FORMAT).field(FORMAT).toProblem()))
                .containsExactly(Map.entry("email", "Invalid format"));
    }

    @Test
    void every_field_keeps_its_own_message_sorted_by_name() {
        ProblemDetail problem = new ValidationErrors().field(error("name", "Size", "Must be at most 100 characters"))
                .field(REQUIRED).field(error("age", "Positive", "Must be positive")).toProblem();
        assertThat(errors(problem)).containsExactly(Map.entry("age", "Must be positive"),
                Map.entry("email", "Is required"), Map.entry("name", "Must be at most 100 characters"));
        assertThat(problem.getDetail()).isEqualTo("Missing required field: email");
        assertThat(problem.getType()).isEqualTo(ProblemType.VALIDATION.uri());
    }

    @Test
    void integers_of_every_width_must_be_integers() {
        for (Class<?> type : new Class<?>[] {Integer.class, int.class, Long.class, long.class, Short.class, short.class}) {
            assertThat(ValidationErrors.expected(type)).as(type.getName()).isEqualTo("Must be an integer");
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {Double.class, double.class, Float.class, float.class, BigDecimal.class})
    void other_numbers_must_be_numbers(Class<?> type) {
        assertThat(ValidationErrors.expected(type)).isEqualTo("Must be a number");
    }

    @Test
    void booleans_must_be_true_or_false() {
        assertThat(ValidationErrors.expected(Boolean.class)).isEqualTo("Must be true or false");
        assertThat(ValidationErrors.expected(boolean.class)).isEqualTo("Must be true or false");
    }

    @Test
    void strings_must_be_strings_and_enums_list_their_values() {
        assertThat(ValidationErrors.expected(String.class)).isEqualTo("Must be a string");
        assertThat(ValidationErrors.expected(HttpStatus.Series.class))
                .isEqualTo("Must be one of INFORMATIONAL, SUCCESSFUL, REDIRECTION, CLIENT_ERROR, SERVER_ERROR");
    }

    @ParameterizedTest
    @ValueSource(classes = {LocalDate.class, Object.class, char.class, double[].class})
    void any_other_type_is_an_invalid_value(Class<?> type) {
        assertThat(ValidationErrors.expected(type)).isEqualTo("Invalid value");
    }

    @Test
    void no_type_is_an_invalid_value() {
        assertThat(ValidationErrors.expected(null)).isEqualTo("Invalid value");
    }
}
