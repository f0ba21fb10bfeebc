package com.example.statuscodes.requestbody;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * 415 for a body in a content coding this API does not decode ({@link IdentityEncodingOnly}), with the
 * {@code Accept-Encoding} RFC 7694 §3 names for the answer: only {@code identity}, the body as it is.
 */
public class UnsupportedContentEncodingException extends ErrorResponseException {

    public UnsupportedContentEncodingException(String coding) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        setDetail("Content-Encoding '" + coding + "' is not supported; send the body unencoded (identity)");
        getHeaders().set(HttpHeaders.ACCEPT_ENCODING, IdentityEncodingOnly.IDENTITY);
    }
}
