package com.example.statuscodes.auth;

import com.example.statuscodes.users.PasswordRules;
import com.example.statuscodes.users.UserRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/**
 * A missing field is a 400: without both the request cannot be understood. Any other e-mail or password is
 * understood and answered 401 when wrong; the document states the rules of a sign-up all the same (stricter than the
 * server, never looser), since no account has an e-mail or a password outside them.
 */
@Schema(example = """
        {"email": "admin@example.com", "password": "admin-password"}""") // the demo admin: Execute in Swagger UI logs in
public record LoginRequest(
        @NotBlank(message = "Is required")
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "email", pattern = UserRequest.EMAIL_PATTERN,
                minLength = UserRequest.EMAIL_MIN_LENGTH, maxLength = UserRequest.EMAIL_MAX_LENGTH)
        String email,

        @NotBlank(message = "Is required")
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = PasswordRules.MIN_CHARACTERS,
                maxLength = PasswordRules.MAX_BYTES, pattern = PasswordRules.SCHEMA_PATTERN)
        String password) {
}
