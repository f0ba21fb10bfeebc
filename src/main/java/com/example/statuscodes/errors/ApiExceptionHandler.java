package com.example.statuscodes.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.BindException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place that turns an exception into an error response (RFC 9457 problem+json), whichever layer raised
 * it: controllers and services, and, through Spring MVC's {@code HandlerExceptionResolver}, the security chain
 * ({@code auth.SecurityErrors}), the rate limiter and the body-size guard ({@link FilterExceptionsToAdvice}). Only
 * what Tomcat rejects before any filter runs is written elsewhere ({@code machinery.tomcat.ContainerErrorPages}).
 * <p>
 * The map of codes. Domain exceptions extend Spring's {@code ErrorResponseException} (or {@code AccessDeniedException})
 * and carry their own status and text, next to the rule that raises them, so they need no handler here:
 * <pre>
 *   400  InvalidUserIdException, InvalidSortException, InvalidIdempotencyKeyException    (naming the parameter)
 *   400  InvalidEntityTagsException                                  (naming If-Match or If-None-Match, or both)
 *   400  RepeatedParameterException               (a single-valued query parameter or header sent twice)
 *   400  EmptyParameterException                              (a parameter with a default sent empty: page=)
 *   400  MalformedQueryException                         (a query the container cannot decode: sort=%zz)
 *   401  InvalidCredentialsException (a failed login), TokenNoLongerValidException (a token older than a password change)
 *   403  SignupsClosedException; NotYourAccountException, OnlyAdminsSetRolesException  (access denied, below)
 *   404  UserNotFoundException, UnknownProblemTypeException
 *   409  DuplicateEmailException, ConcurrentUpdateException, LastAdminException, IdempotencyKeyInUseException
 *   408  RequestBodyTimeoutException       (also when Tomcat timed out the read: {@link ProblemErrorController})
 *   412  PreconditionFailedException, SettingsPreconditionFailedException
 *   413  RequestBodyTooLargeException
 *   415  UnsupportedContentEncodingException                      (+ Accept-Encoding: identity)
 *   422  IdempotencyKeyReusedException
 *   428  PreconditionRequiredException
 *   429  RateLimitExceededException                                                     (+ Retry-After)
 *   501  MethodNotImplementedException                         (QUERY, BREW, a lowercase get: {@link KnownMethods})
 * </pre>
 * Spring's and Spring Security's exceptions, handled below:
 * <pre>
 *   400  HttpMessageNotReadableException (body not JSON, wrong type, unknown field: {@link UnreadableBody}),
 *        HandlerMethodValidationException and TypeMismatchException (a bad parameter), RequestRejectedException
 *        (the firewall), an OAuth2 invalid_request (a malformed Authorization header)
 *   401  AuthenticationException                                 (+ WWW-Authenticate: Bearer)
 *   403  AccessDeniedException                                   (401 when the caller is anonymous)
 *   404  NoResourceFoundException                                ("No endpoint GET /x")
 *   405, 406, 415  ResponseEntityExceptionHandler's defaults     (+ Allow: {@link AllowedMethods} / Accept)
 *   422  MethodArgumentNotValidException, BindException          (400 when a required field is missing: {@link ValidationErrors})
 *   503  DataAccessException, TransactionException               (a store that cannot be reached; + Retry-After)
 *   500  anything else: a bug; an error id in the body, the stack trace only in the log
 * </pre>
 * {@code ApiExceptionHandlerIndexTest} fails when a domain exception is missing from this map or listed under
 * another status.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    public static final String AUTHENTICATION_REQUIRED = "Authentication required";
    public static final String INVALID_TOKEN = "The access token is invalid or expired";
    public static final String NOT_ALLOWED = "You are not allowed to do this";
    public static final String NOT_JSON = UnreadableBody.NOT_JSON;
    public static final String UNAVAILABLE = "The service is temporarily unavailable; retry in 5 seconds";
    public static final String REJECTED_CHARACTERS = "The request contains characters that are not allowed in a URL or header";

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    /** Spring's RFC 6750 challenge: {@code WWW-Authenticate: Bearer ...}, with {@code error="invalid_token"} for a bad token. */
    private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();

    /**
     * @param publicBaseUrl where clients reach this API ({@code app.public-base-url}): the RFC 9728 metadata link of
     *                      every 401 names it, never the request's {@code Host} header, which any client can forge
     */
    public ApiExceptionHandler(@Value("${app.public-base-url}") String publicBaseUrl) {
        String metadata = publicBaseUrl + "/.well-known/oauth-protected-resource";
        bearerChallenge.setResourceMetadataParameterResolver(request -> metadata);
    }

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

    /**
     * {@code GET /api/users/abc}: a bad parameter value is a 400, not a 404 (one of the guide's common mistakes). A
     * converter that refuses with an answer of its own ({@code users.InvalidUserIdException}) is answered in its words,
     * exactly as when an access rule in the security chain raised it.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (ex.getMostSpecificCause() instanceof ErrorResponse refusal) {
            return problem(refusal.getBody());
        }
        String parameter = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        return problem(new ValidationErrors()
                .badParameter(parameter, ValidationErrors.expected(ex.getRequiredType()))
                .toProblem());
    }

    /**
     * The server cannot understand the body → 400: not JSON at all (the guide's exact message), a value of the wrong
     * type, an unknown field or one sent twice (naming the field), or a document beyond the parser's limits. Which
     * is which takes reading Jackson's exceptions: {@link UnreadableBody}.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(UnreadableBody.problemFor(ex));
    }

    /** 415, naming the media types that would have worked (Spring adds them as the {@code Accept} header too). */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                unsupportedMediaType(sentType(ex, request), ex.getSupportedMediaTypes())), headers, status, request);
    }

    /**
     * The type that was sent, without parameters. Spring has none when the header cannot be parsed ({@code a/b; x=},
     * a charset no JVM knows); then its type as written, or the whole header when that type is a supported one
     * ("'application/json' is not supported; use application/json" would contradict itself).
     */
    private static String sentType(HttpMediaTypeNotSupportedException ex, WebRequest request) {
        if (ex.getContentType() != null) {
            return ex.getContentType().getType() + "/" + ex.getContentType().getSubtype();
        }
        String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (header == null) {
            return "(none)";
        }
        String type = header.split(";", 2)[0].strip();
        boolean supported = ex.getSupportedMediaTypes().stream().anyMatch(media -> media.toString().equalsIgnoreCase(type));
        return supported ? header.strip() : type;
    }

    public static String unsupportedMediaType(String sent, List<MediaType> supported) {
        return "Content-Type '" + sent + "' is not supported; use "
                + supported.stream().map(MediaType::toString).collect(Collectors.joining(", "));
    }

    /**
     * 405 with the resource's {@code Allow}, exactly as {@code OPTIONS} on it lists it ({@link AllowedMethods}: HEAD
     * wherever GET works, OPTIONS, in one fixed order). Not logged: a wrong method is the client's mistake, and
     * Spring's warning for each one would let any client fill the log.
     */
    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpHeaders allowed = new HttpHeaders();
        allowed.putAll(headers);
        if (ex.getSupportedMethods() != null) {
            allowed.set(HttpHeaders.ALLOW, AllowedMethods.allow(Arrays.asList(ex.getSupportedMethods())));
        }
        return handleExceptionInternal(ex, null, allowed, status, request);
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
        ServletWebRequest servlet = (ServletWebRequest) request;
        if (servlet.getRequest().getAttribute(RequestDispatcher.ERROR_EXCEPTION) == ex && servlet.getResponse() != null
                && servlet.getResponse().isCommitted()) {
            return null; // the container took it as its error and answers it on the error dispatch: not a bug to log
        }
        if (statusCode.is5xxServerError()) {
            // Spring's own 5xx (a response it cannot write, a missing path variable): a bug like any other.
            return unexpected(ex, request.getDescription(false),
                    ((ServletWebRequest) request).getRequest());
        }
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : body == null && ex instanceof ErrorResponse errorResponse ? errorResponse.getBody() : null;
        if (problem != null && problem.getType() == null) {
            problem.setType(Problems.DEFAULT_TYPE);
        }
        return super.handleExceptionInternal(ex, body, problemJson(headers), statusCode, request);
    }

    /**
     * Every 401: "who are you?". No token on a protected path ({@code ExceptionTranslationFilter}), a bad token
     * (the bearer filter), or an anonymous caller refused by a rule inside MVC (below). Spring's
     * {@link BearerTokenAuthenticationEntryPoint} writes the status and the {@code WWW-Authenticate} header RFC 9110
     * requires on every 401; the body is ours. One 400 comes through here too: a malformed {@code Authorization}
     * header ({@code auth.StrictBearerTokenResolver}), with RFC 6750's {@code error="invalid_request"}.
     */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, HttpServletRequest request,
                                           HttpServletResponse response) {
        if (ex instanceof OAuth2AuthenticationException oauth) {
            if (BearerTokenErrorCodes.INVALID_REQUEST.equals(oauth.getError().getErrorCode())) {
                // RFC 6750 section 3.1: an Authorization header that is not one bearer token is a malformed request.
                bearerChallenge.commence(request, response, oauth);
                return problem(Problems.of(HttpStatus.BAD_REQUEST, oauth.getError().getDescription()));
            }
            // The header's error_description is ours too: a library's "Signed JWT rejected: Invalid signature"
            // tells an attacker which check failed, and a client can do nothing different with it. Only a refusal
            // that carries its own answer (a token issued before a password change) says more.
            String detail = ex instanceof ErrorResponse own ? own.getBody().getDetail() : INVALID_TOKEN;
            bearerChallenge.commence(request, response, new InvalidBearerTokenException(detail));
            return problem(Problems.of(HttpStatus.UNAUTHORIZED, detail));
        }
        bearerChallenge.commence(request, response, ex);
        return problem(Problems.of(HttpStatus.UNAUTHORIZED, AUTHENTICATION_REQUIRED));
    }

    /**
     * Every 403: authenticated, but not allowed; logging in again would not help. The detail is the refusing
     * rule's own ({@link Refusal}, or the message of an application's {@code AccessDeniedException}). An anonymous
     * caller refused inside MVC gets a 401 instead, as Spring Security's {@code ExceptionTranslationFilter} does
     * for the URL rules: for them, logging in could help.
     */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException ex, HttpServletRequest request, HttpServletResponse response) {
        if (!TRUST.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
            return unauthenticated(new InsufficientAuthenticationException(ex.getMessage(), ex), request, response);
        }
        String detail = ex instanceof AuthorizationDeniedException denied
                ? (denied.getAuthorizationResult() instanceof Refusal refusal ? refusal.reason() : NOT_ALLOWED)
                : ex.getMessage();
        return problem(Problems.of(HttpStatus.FORBIDDEN, detail));
    }

    /**
     * Spring Security's firewall: a {@code ;} in the path, a control character in a header. Raised by the filter
     * chain's firewall ({@code auth.SecurityErrors}) or when MVC first reads such a header: 400 either way.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException ex) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, REJECTED_CHARACTERS));
    }

    /** 501 ({@link KnownMethods}): the request's method, not a bug, so not {@link #handleExceptionInternal}'s 5xx branch. */
    @ExceptionHandler(MethodNotImplementedException.class)
    ResponseEntity<Object> notImplemented(MethodNotImplementedException ex) {
        return problem(ex.getBody());
    }

    /** The guide's 500: log the details server-side, expose none of them. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
        return unexpected(ex, request.getMethod() + " " + request.getRequestURI(), request);
    }

    private static ResponseEntity<Object> unexpected(Exception ex, String where, HttpServletRequest request) {
        // A container error forwarded to /error names the request it happened to.
        URI forwardedFrom = ex instanceof ErrorResponse forwarded ? forwarded.getBody().getInstance() : null;
        ProblemDetail problem = Problems.unexpected(ex, forwardedFrom != null ? forwardedFrom.toString() : where,
                RequestId.of(request));
        problem.setInstance(forwardedFrom);
        return problem(problem);
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
     * the security filter chain reach this method through {@code errors.FilterExceptionsToAdvice}. Any other data-access
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
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE));
    }
}
