package com.example.statuscodes.users;

import com.example.statuscodes.errors.ValidationErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 400: the path names no user id in the one spelling {@link UserId} accepts ({@code abc}, {@code 0x2}, {@code 02}).
 * The same answer whether MVC's binding or an access rule in the security chain reads the id first.
 */
public class InvalidUserIdException extends ErrorResponseException {

    public static final String PARAMETER = "id";
    public static final String MESSAGE = "Must be a positive integer in plain decimal digits, like 42";

    InvalidUserIdException() {
        super(HttpStatus.BAD_REQUEST, new ValidationErrors().badParameter(PARAMETER, MESSAGE).toProblem(), null);
    }
}
