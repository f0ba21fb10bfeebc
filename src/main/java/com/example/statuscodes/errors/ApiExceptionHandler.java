package com.example.statuscodes.errors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.BindException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.stream.Collectors;

/**
 * The one advice that turns exceptions raised inside Spring MVC into problem+json.
 * <ul>
 *   <li>Spring's own exceptions (405 + Allow, 406, 415 + Accept, ...) are mapped by
 *       {@link ResponseEntityExceptionHandler}; only those whose wording the guide fixes are overridden.</li>
 *   <li>Domain exceptions ({@code UserNotFoundException}, {@code DuplicateEmailException}, ...) extend
 *       Spring's {@code ErrorResponseException}: each carries its own status and detail, so this class
 *       needs no handler per exception and a status code lives next to the rule that produces it.</li>
 *   <li>Anything else is a bug: 500 with an error id, the stack trace only in the log.</li>
 * </ul>
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** Bean validation of a {@code @Valid @RequestBody}: 422, or 400 when a required field is missing. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validationFailed(ex);
    }

    /** The same rule for a body validated by hand (the merge-patched user, see {@code UserService.patch}). */
    @ExceptionHandler(BindException.class)
    ResponseEntity<Object> validationFailed(BindException ex) {
        ValidationErrors errors = new ValidationErrors();
        ex.getFieldErrors().forEach(errors::field);
        return problem(errors.toProblem());
    }

    /**
     * Constraints on {@code @RequestParam} and {@code @PathVariable} values (e.g. {@code size <= 100}):
     * a bad parameter value means the request itself is wrong, so 400 naming the parameter.
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ValidationErrors errors = new ValidationErrors();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bodyErrors) {
                bodyErrors.getFieldErrors().forEach(errors::field);
            } else {
                String parameter = result.getMethodParameter().getParameterName();
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.badParameter(parameter, error.getDefaultMessage());
                }
            }
        }
        return problem(errors.toProblem());
    }

    /** {@code GET /api/users/abc}: a bad parameter value is a 400, not a 404 (one of the guide's common mistakes). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String parameter = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        return problem(new ValidationErrors()
                .badParameter(parameter, ValidationErrors.expected(ex.getRequiredType()))
                .toProblem());
    }

    /**
     * The server cannot understand the body → 400: not JSON at all (the guide's exact message), a value of
     * the wrong type (naming the field, in the same {@code errors} map as validation), or a document
     * beyond the parser's limits (nesting depth, string or number length; see {@code web.JsonLimits}).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof StreamConstraintsException) {
            return problem(Problems.of(HttpStatus.BAD_REQUEST,
                    "Request body exceeds the JSON limits (nesting depth, string or number length)"));
        }
        if (cause instanceof MismatchedInputException || cause instanceof InputCoercionException) {
            String field = fieldPath((JacksonException) cause);
            if (field.isEmpty()) {
                return problem(Problems.of(HttpStatus.BAD_REQUEST, "Request body must be a JSON object"));
            }
            Class<?> target = cause instanceof MismatchedInputException mismatch ? mismatch.getTargetType()
                    : ((InputCoercionException) cause).getTargetType();
            return problem(new ValidationErrors().wrongType(field, ValidationErrors.expected(target)).toProblem());
        }
        if (cause == null) {
            return problem(Problems.of(HttpStatus.BAD_REQUEST, "Request body is missing"));
        }
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "Request body is not valid JSON"));
    }

    private static String fieldPath(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** 415, naming the media types that would have worked (Spring adds them as the {@code Accept} header too). */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String sent = ex.getContentType() == null ? "(none)"
                : ex.getContentType().getType() + "/" + ex.getContentType().getSubtype();
        String supported = ex.getSupportedMediaTypes().stream().map(MediaType::toString)
                .collect(Collectors.joining(", "));
        return handleExceptionInternal(ex, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type '" + sent + "' is not supported; use " + supported), headers, status, request);
    }

    /** No controller maps this path: say which route was missing, not Spring's "No static resource". */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(Problems.noEndpoint(ex.getHttpMethod().name(), "/" + ex.getResourcePath()));
    }

    /**
     * Every problem that passes through here (Spring's own exceptions and our {@code ErrorResponseException}s)
     * gets the same explicit {@code type} as the ones {@link Problems} builds.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.is5xxServerError()) {
            // Spring's own 5xx (a response it cannot write, a missing path variable): a bug like any other.
            return unexpected(ex, request.getDescription(false));
        }
        if (body instanceof ProblemDetail problem) {
            problem.setType(Problems.DEFAULT_TYPE);
        } else if (body == null && ex instanceof ErrorResponse errorResponse) {
            errorResponse.getBody().setType(Problems.DEFAULT_TYPE);
        }
        return super.handleExceptionInternal(ex, body, problemJson(headers), statusCode, request);
    }

    /**
     * 401 and 403 belong to Spring Security. An {@code AccessDeniedException} thrown by a controller or
     * service (an ownership rule, {@code @PreAuthorize}) is re-thrown so that Security's
     * {@code ExceptionTranslationFilter} answers it with the same entry point and access-denied handler
     * as the URL rules, instead of the catch-all below turning it into a 500. The same for the firewall's
     * {@code RequestRejectedException}, raised when MVC first reads a header with control characters.
     */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class, RequestRejectedException.class})
    void leaveToSpringSecurity(RuntimeException ex) {
        throw ex;
    }

    /** The guide's 500: log the details server-side, expose none of them. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
        return unexpected(ex, request.getMethod() + " " + request.getRequestURI());
    }

    private static ResponseEntity<Object> unexpected(Exception ex, String where) {
        return problem(Problems.unexpected(ex, where));
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).headers(problemJson(HttpHeaders.EMPTY)).body(problem);
    }

    /**
     * The Content-Type is fixed, not negotiated: an error must reach the client even when its Accept header
     * is unparseable or names nothing we produce (a 406 is itself answered in problem+json).
     */
    private static HttpHeaders problemJson(HttpHeaders headers) {
        HttpHeaders copy = new HttpHeaders();
        copy.putAll(headers);
        copy.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return copy;
    }

    /**
     * A shared store cannot be reached ({@link DependencyFailures}): the database (no connection within
     * Hikari's timeout, or one lost mid-request), or Redis for a fail-closed rate-limit policy. Not a bug and not
     * the client's fault, and the same request may well succeed shortly: 503 + Retry-After, not 500. Failures in
     * the security filter chain reach this method through {@code web.FilterChainFailures}. Any other data-access
     * failure is the catch-all's 500.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<Object> handleDataAccess(Exception ex, HttpServletRequest request) {
        if (!DependencyFailures.unreachable(ex)) {
            return handleUnexpected(ex, request); // a data-access failure of any other kind is a bug like any other
        }
        logger.warn("Service unavailable on " + request.getMethod() + " " + request.getRequestURI() + ": " + ex);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).headers(problemJson(HttpHeaders.EMPTY))
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                        "The service is temporarily unavailable; retry in 5 seconds"));
    }
}
