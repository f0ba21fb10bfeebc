package com.example.statuscodes.parameters;

import com.example.statuscodes.errors.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 400: a query string the server cannot decode ({@code sort=%zz}, {@code %FF}), so no parameter of it can be read. */
public class MalformedQueryException extends ErrorResponseException {

    public static final String MESSAGE = "The query string is not valid percent-encoded UTF-8";

    MalformedQueryException(Throwable cause) {
        super(HttpStatus.BAD_REQUEST, cause);
        setType(Problems.DEFAULT_TYPE);
        setDetail(MESSAGE);
    }
}
