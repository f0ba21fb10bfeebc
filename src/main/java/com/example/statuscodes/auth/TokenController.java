package com.example.statuscodes.auth;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/auth/token}: e-mail and password in, a bearer token out (200), or 401. */
@RestController
public class TokenController {

    public static final String PATH = "/api/auth/token";

    private final TokenService tokens;

    public TokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping(PATH)
    public TokenResponse token(@Valid @RequestBody LoginRequest request) {
        return tokens.login(request);
    }
}
