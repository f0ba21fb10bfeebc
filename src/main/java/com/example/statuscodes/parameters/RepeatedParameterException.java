package com.example.statuscodes.parameters;

import com.example.statuscodes.errors.ValidationErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 400 naming a single-valued query parameter given more than once ({@code size=1&size=500}), or a single-valued header
 * sent on more than one line ({@link SingleValuedHeaders}).
 */
public class RepeatedParameterException extends ErrorResponseException {

    public static final String MESSAGE = "Sent more than once";

    RepeatedParameterException(String parameter) {
        super(HttpStatus.BAD_REQUEST, new ValidationErrors().badParameter(parameter, MESSAGE).toProblem(), null);
    }
}
