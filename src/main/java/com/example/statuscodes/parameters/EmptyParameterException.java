package com.example.statuscodes.parameters;

import com.example.statuscodes.errors.ValidationErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 400 naming a query parameter sent with an empty value ({@code page=}) that has a default: Spring reads an empty value
 * as absent and binds the default, so {@code page=} was page 0 while {@code size=} was a 400. An empty value is a value,
 * the wrong one for the type, and gets the same words as any other.
 */
public class EmptyParameterException extends ErrorResponseException {

    EmptyParameterException(String parameter, Class<?> type) {
        super(HttpStatus.BAD_REQUEST,
                new ValidationErrors().badParameter(parameter, ValidationErrors.expected(type)).toProblem(), null);
    }
}
