package com.example.statuscodes.auth;

import com.example.statuscodes.errors.DocumentedProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONTENT_TOO_LARGE;
import static org.springframework.http.HttpStatus.NOT_ACCEPTABLE;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;
import static org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE;

/** The OpenAPI description of {@link TokenController}, kept out of it so the controller reads as plain Spring MVC. */
@Tag(name = "Authentication", description = "Log in with e-mail and password for a bearer token")
interface TokenApi {

    @SecurityRequirements // the way to get a token needs none
    @DocumentedProblems({BAD_REQUEST, UNAUTHORIZED, CONTENT_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE})
    @Operation(summary = "Log in: e-mail and password for a bearer token")
    TokenResponse token(LoginRequest request);
}
