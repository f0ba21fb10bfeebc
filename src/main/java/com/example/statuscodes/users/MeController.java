package com.example.statuscodes.users;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: the caller's own account. Without a token Spring Security answers the guide's 401;
 * a token whose account is gone is a 401 as well ({@code auth.AccountJwtAuthenticationConverter}).
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE) // Accept: application/xml → 406 before any work is done
class MeController implements MeApi {

    private final UserService users;

    public MeController(UserService users) {
        this.users = users;
    }

    @GetMapping("/api/me")
    @Override
    public UserResponse me(@AuthenticationPrincipal Caller caller) {
        return users.get(caller.id());
    }
}
