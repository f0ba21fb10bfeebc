package com.example.statuscodes.errors;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Replaces Boot's {@code BasicErrorController} on {@code /error}, where the servlet container forwards errors
 * that never reached the advice ({@code response.sendError}, an exception escaping a filter). It only raises
 * them again, as exceptions, so that {@link ApiExceptionHandler} renders them like any other.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request) throws NoResourceFoundException {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
            // Not a forwarded error: somebody asked for /error itself, which is no endpoint of this API.
            throw new NoResourceFoundException(HttpMethod.valueOf(request.getMethod()), request.getRequestURI(), "error");
        }
        HttpStatus status = HttpStatus.resolve(code);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String requestUri = uri != null ? uri.toString() : request.getRequestURI();
        Throwable cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        if (cause instanceof ErrorResponseException answer && answer.getStatusCode().value() == code) {
            // Ours, taken up by the container as its error (a body read that timed out, requestbody): our answer.
            answer.setInstance(Problems.instance(requestUri));
            throw answer;
        }
        throw new ForwardedError(status != null && status.isError() ? status : HttpStatus.INTERNAL_SERVER_ERROR,
                cause, requestUri);
    }

    /** The container's error, for the request it happened to: its status phrase, or the 500 of any bug. */
    static final class ForwardedError extends ErrorResponseException {

        ForwardedError(HttpStatus status, Throwable cause, String requestUri) {
            super(status, cause);
            setDetail(status.getReasonPhrase());
            setInstance(Problems.instance(requestUri));
        }
    }
}
