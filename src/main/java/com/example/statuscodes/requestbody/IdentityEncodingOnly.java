package com.example.statuscodes.requestbody;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Collections;
import java.util.Locale;

/**
 * Bodies are read as sent: a {@code Content-Encoding} other than {@code identity} (gzip, br, anything) is a 415 with
 * {@code Accept-Encoding: identity} (RFC 9110 §8.4, RFC 7694), never a compressed body parsed as JSON ("not valid
 * JSON") or a {@code br} label ignored on a plain one (a 201 the client cannot trust). Refusing every coding is the
 * simpler lesson than decoding some: no decompression bomb to bound, one rule. An interceptor, like
 * {@code users.RequireIfMatch}: after the security chain (401 and 403 first, as for a wrong Content-Type) and before
 * the body is read.
 */
@Configuration
class IdentityEncodingOnly implements WebMvcConfigurer, HandlerInterceptor {

    static final String IDENTITY = "identity";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (String field : Collections.list(request.getHeaders(HttpHeaders.CONTENT_ENCODING))) {
            for (String coding : field.split(",")) {
                String name = coding.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.equals(IDENTITY)) {
                    throw new UnsupportedContentEncodingException(coding.strip());
                }
            }
        }
        return true;
    }
}
