package com.example.statuscodes.users;

import com.example.statuscodes.auth.Caller;
import com.example.statuscodes.docs.ProblemResponses;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.http.HttpStatus.NOT_ACCEPTABLE;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;

/**
 * {@code GET /api/me}: the caller's own account. Without a token Spring Security answers the guide's 401;
 * a token whose account is gone is a 401 as well ({@code auth.AccountJwtAuthenticationConverter}).
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE) // Accept: application/xml → 406 before any work is done
public class MeController {

    private final UserService users;

    public MeController(UserService users) {
        this.users = users;
    }

    @ProblemResponses({UNAUTHORIZED, NOT_ACCEPTABLE})
    @GetMapping("/api/me")
    public UserResponse me(Authentication authentication) {
        return users.get(Caller.of(authentication).userId());
    }
}
