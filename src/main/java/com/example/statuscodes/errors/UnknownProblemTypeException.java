package com.example.statuscodes.errors;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 404 for {@code GET /problems/{type}} with a type this API does not define. */
class UnknownProblemTypeException extends ErrorResponseException {

    UnknownProblemTypeException(String slug) {
        super(HttpStatus.NOT_FOUND);
        setDetail("No problem type '" + slug + "'");
    }
}
