package com.example.statuscodes.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.example.statuscodes.errors.ProblemResponses;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.NOT_ACCEPTABLE;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;

/**
 * {@code GET /api/me}: the caller's own account. Without a token Spring Security answers the guide's 401;
 * a token whose account is gone is a 401 as well ({@code auth.AccountJwtAuthenticationConverter}).
 */
@Tag(name = "Users")
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE) // Accept: application/xml → 406 before any work is done
class MeController {

    private final UserService users;

    public MeController(UserService users) {
        this.users = users;
    }

    @ProblemResponses({BAD_REQUEST, UNAUTHORIZED, NOT_ACCEPTABLE}) // 400: a malformed Authorization header
    @Operation(summary = "The signed-in user's own account")
    @GetMapping("/api/me")
    public UserResponse me(@AuthenticationPrincipal Caller caller) {
        return users.get(caller.id());
    }
}
