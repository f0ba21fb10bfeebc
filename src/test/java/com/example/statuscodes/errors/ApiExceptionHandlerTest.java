package com.example.statuscodes.errors;

import com.example.statuscodes.support.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
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
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Method;
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

    /**
     * {@code Allow} in the documented order whatever order Spring found the methods in (its mapping registry is a hash
     * map, so requests through the spec show a wrong order only on some runs); methods outside the list come last.
     */
    @Test
    void allow_lists_the_methods_in_the_documented_order_whatever_order_spring_found_them_in() throws Exception {
        ResponseEntity<Object> response = handler.handleException(new HttpRequestMethodNotSupportedException("POST",
                List.of("DELETE", "PUT", "BREW", "GET", "PATCH", "HEAD")), new ServletWebRequest(request));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(response.getHeaders().get(HttpHeaders.ALLOW)).containsExactly("GET, HEAD, PATCH, PUT, DELETE, OPTIONS, BREW");
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** RFC 9110 §15.5.6: the resource's methods, as OPTIONS lists them: HEAD wherever GET works, and OPTIONS itself. */
    @ParameterizedTest(name = "{0} → Allow: {1}")
    @CsvSource(delimiter = '|', value = {"GET | GET, HEAD, OPTIONS", "POST | POST, OPTIONS",
            "PUT,GET,DELETE | GET, HEAD, PUT, DELETE, OPTIONS", "OPTIONS,HEAD,GET | GET, HEAD, OPTIONS"})
    void allow_adds_head_where_get_works_and_options_everywhere(String supported, String allow) throws Exception {
        ResponseEntity<Object> response = handler.handleException(new HttpRequestMethodNotSupportedException("TRACE",
                List.of(supported.split(","))), new ServletWebRequest(request));
        assertThat(response.getHeaders().get(HttpHeaders.ALLOW)).containsExactly(allow);
    }

    record Body(String email) {
    }

    static class Endpoint {
        void save(Body body, int size) {
        }
    }

    /**
     * A method that validates both a body and a constrained parameter reports the body's errors inside its
     * method-validation result (no endpoint of this API combines them yet): one map with both, the parameter's 400 first.
     */
    @Test
    void body_errors_reported_by_method_validation_join_the_parameters_in_one_map() throws Exception {
        Method save = Endpoint.class.getDeclaredMethod("save", Body.class, int.class);
        MethodParameter body = new MethodParameter(save, 0);
        MethodParameter size = new MethodParameter(save, 1);
        size.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        DirectFieldBindingResult bodyErrors = new DirectFieldBindingResult(new Body(null), "body");
        bodyErrors.rejectValue("email", "NotBlank", "Is required");
        HandlerMethodValidationException ex = new HandlerMethodValidationException(MethodValidationResult.create(
                new Endpoint(), save, List.of(
                        new ParameterErrors(body, new Body(null), bodyErrors, null, null, null),
                        new ParameterValidationResult(size, 0, List.of(new DefaultMessageSourceResolvable(
                                new String[] {"Min"}, "Must be between 1 and 100")), null, null, null, (error, type) -> null))));

        ResponseEntity<Object> response = handler.handleHandlerMethodValidationException(ex, new HttpHeaders(),
                HttpStatus.BAD_REQUEST, new ServletWebRequest(request));

        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.getDetail()).isEqualTo("Invalid request parameter: size");
        assertThat(problem.getProperties()).containsEntry("errors",
                Map.of("email", "Is required", "size", "Must be between 1 and 100"));
    }

    @Test
    void an_unreachable_store_is_503_with_retry_after_5() {
        ResponseEntity<Object> response;
        try (LogCapture log = LogCapture.of(ApiExceptionHandler.class).start()) {
            response = handler.handleDataAccess(new CannotCreateTransactionException("no connection"), request);
            assertThat(log.lines()).singleElement().asString().contains(" WARN ")
                    .contains("Service unavailable on POST /api/users: ")
                    .contains("CannotCreateTransactionException: no connection");
        }
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
