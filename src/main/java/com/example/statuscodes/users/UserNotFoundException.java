package com.example.statuscodes.users;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The guide's 404: the id is well-formed but no such user exists. */
public class UserNotFoundException extends ErrorResponseException {

    public static final String DETAIL = "User not found";

    public UserNotFoundException() {
        super(HttpStatus.NOT_FOUND);
        setDetail(DETAIL);
    }
}
