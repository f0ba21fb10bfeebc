package com.example.statuscodes.requestbody;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 413 Content Too Large: the body is over {@code app.max-request-body-size}; nothing of it was processed. */
public class RequestBodyTooLargeException extends ErrorResponseException {

    public RequestBodyTooLargeException(long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE);
        setDetail(detail(maxBytes));
    }

    public static String detail(long maxBytes) {
        return "Request body is larger than the limit of " + maxBytes + " bytes";
    }
}
