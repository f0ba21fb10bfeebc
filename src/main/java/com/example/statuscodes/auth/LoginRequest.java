package com.example.statuscodes.auth;

import jakarta.validation.constraints.NotBlank;

/** A missing field is a 400: without both the request cannot be understood. */
public record LoginRequest(
        @NotBlank(message = "Is required") String email,
        @NotBlank(message = "Is required") String password) {
}
