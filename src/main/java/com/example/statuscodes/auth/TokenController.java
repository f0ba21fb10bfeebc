package com.example.statuscodes.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.example.statuscodes.errors.ProblemResponses;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.http.HttpStatus.NOT_ACCEPTABLE;
import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONTENT_TOO_LARGE;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;
import static org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE;

/** {@code POST /api/auth/token}: e-mail and password in, a bearer token out (200), or 401. */
@Tag(name = "Authentication", description = "Log in with e-mail and password for a bearer token")
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE) // Accept: application/xml → 406 before any work is done
public class TokenController {

    public static final String PATH = "/api/auth/token";

    private final TokenService tokens;

    public TokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    @SecurityRequirements // the way to get a token needs none
    @ProblemResponses({BAD_REQUEST, UNAUTHORIZED, CONTENT_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE})
    @Operation(summary = "Log in: e-mail and password for a bearer token")
    @PostMapping(path = PATH, consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    public TokenResponse token(@Valid @RequestBody LoginRequest request) {
        return tokens.login(request);
    }
}
