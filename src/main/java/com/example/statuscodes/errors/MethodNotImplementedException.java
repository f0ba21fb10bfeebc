package com.example.statuscodes.errors;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 501: a request method this server does not implement on any resource ({@link KnownMethods}). */
public class MethodNotImplementedException extends ErrorResponseException {

    public MethodNotImplementedException(String method) {
        super(HttpStatus.NOT_IMPLEMENTED);
        setType(Problems.DEFAULT_TYPE);
        setDetail("Method '" + method + "' is not implemented by this server");
    }
}
