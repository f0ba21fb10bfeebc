package com.example.statuscodes.auth;

import com.example.statuscodes.errors.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.ErrorResponse;

/**
 * 401 {@code invalid_token}: a token that was good, issued before its account's password or role changed. Unlike the
 * other token refusals (whose reasons the advice keeps to itself, see {@code errors.ApiExceptionHandler}), it says
 * why, as an {@link ErrorResponse}: the client's fix is to log in again, with the new password.
 */
class TokenNoLongerValidException extends InvalidBearerTokenException implements ErrorResponse {

    static final String DETAIL = "The access token is no longer valid: the account's password or role changed"
            + " after it was issued; log in again";

    TokenNoLongerValidException() {
        super(DETAIL);
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatus.UNAUTHORIZED;
    }

    @Override
    public ProblemDetail getBody() {
        return Problems.of(HttpStatus.UNAUTHORIZED, DETAIL);
    }
}
