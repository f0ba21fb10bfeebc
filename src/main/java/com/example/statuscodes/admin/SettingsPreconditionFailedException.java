package com.example.statuscodes.admin;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 412 on a change of the settings: its {@code If-Match} or {@code If-None-Match} is false. The settings have no
 * entity tag, so the detail says what can be true instead of naming a version that moved on.
 */
public class SettingsPreconditionFailedException extends ErrorResponseException {

    public static final String DETAIL =
            "The settings have no entity tag, so If-Match can only match them as *; the change was not made";

    /** The same condition on a read: nothing was to be changed. */
    public static final String READ_DETAIL = "The settings have no entity tag, so If-Match can only match them as *";

    public static final String NONE_MATCH_DETAIL = "The settings exist, so If-None-Match: * is false; the change was not made";

    SettingsPreconditionFailedException(String detail) {
        super(HttpStatus.PRECONDITION_FAILED);
        setDetail(detail);
    }
}
