package com.example.statuscodes.users;

import com.example.statuscodes.errors.ValidationErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 400 naming the {@code sort} parameter: sorting on an unknown property is a bad parameter value. */
public class InvalidSortException extends ErrorResponseException {

    public InvalidSortException(String message) {
        super(HttpStatus.BAD_REQUEST, new ValidationErrors().badParameter("sort", message).toProblem(), null);
    }
}
