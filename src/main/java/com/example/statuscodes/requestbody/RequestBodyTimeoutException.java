package com.example.statuscodes.requestbody;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.time.Duration;

/** 408 Request Timeout: the body did not arrive within {@code app.request-body-timeout}; nothing of it was processed. */
public class RequestBodyTimeoutException extends ErrorResponseException {

    public RequestBodyTimeoutException(Duration timeout) {
        super(HttpStatus.REQUEST_TIMEOUT);
        setDetail(detail(timeout));
    }

    public static String detail(Duration timeout) {
        return "The request body did not arrive within " + timeout.toMillis() + " ms";
    }
}
