package com.example.statuscodes.auth;

import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/auth/token}: e-mail and password in, a bearer token out (200), or 401. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE) // Accept: application/xml → 406 before any work is done
public class TokenController implements TokenApi {

    public static final String PATH = "/api/auth/token";

    private final TokenService tokens;

    public TokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Override
    public TokenResponse token(@Valid @RequestBody LoginRequest request) {
        return tokens.login(request);
    }
}
