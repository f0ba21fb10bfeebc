package com.example.statuscodes.errors;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.request.ServletWebRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the spec cannot reach through the API of today, pinned on the advice itself: a field path through an array
 * (no request body of this API has a list yet), the 503 of an unreachable store (specified end to end by
 * {@code scale.OutageScaleIT}), and the RFC 9728 link the constructor wires into every 401 (built once at start-up,
 * so only a fresh instance shows it).
 */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler("https://api.example.com");
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/users");

    record Item(int quantity) {
    }

    record Order(List<Item> items) {
    }

    private ProblemDetail unreadable(JacksonException cause) {
        ResponseEntity<Object> response = handler.handleHttpMessageNotReadable(new HttpMessageNotReadableException(
                "unreadable", cause, new MockHttpInputMessage(new byte[0])), new HttpHeaders(), HttpStatus.BAD_REQUEST,
                new ServletWebRequest(request));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return (ProblemDetail) response.getBody();
    }

    @Test
    void a_wrong_type_inside_an_array_is_named_by_its_index() {
        JacksonException cause = catchThrowableOfType(JacksonException.class,
                () -> JsonMapper.builder().build().readValue("{\"items\": [{\"quantity\": 1}, {\"quantity\": \"two\"}]}", Order.class));
        ProblemDetail problem = unreadable(cause);
        assertThat(problem.getDetail()).isEqualTo("Invalid value for field: items[1].quantity");
        assertThat(problem.getProperties()).containsEntry("errors", Map.of("items[1].quantity", "Must be an integer"));
    }

    @Test
    void a_body_that_is_an_array_names_its_elements_from_the_index() {
        JacksonException cause = catchThrowableOfType(JacksonException.class,
                () -> JsonMapper.builder().build().readValue("[{\"quantity\": \"one\"}]", new TypeReference<List<Item>>() { }));
        ProblemDetail problem = unreadable(cause);
        assertThat(problem.getDetail()).isEqualTo("Invalid value for field: [0].quantity");
        assertThat(problem.getProperties()).containsEntry("errors", Map.of("[0].quantity", "Must be an integer"));
    }

    @Test
    void an_unreachable_store_is_503_with_retry_after_5() {
        ResponseEntity<Object> response = handler.handleDataAccess(new CannotCreateTransactionException("no connection"),
                request);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getDetail()).isEqualTo("The service is temporarily unavailable; retry in 5 seconds");
    }

    @Test
    void every_401_links_the_resource_metadata_of_the_configured_address() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ResponseEntity<Object> answer = handler.unauthenticated(new InsufficientAuthenticationException("no token"),
                request, response);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE))
                .contains("resource_metadata=\"https://api.example.com/.well-known/oauth-protected-resource\"");
    }
}
