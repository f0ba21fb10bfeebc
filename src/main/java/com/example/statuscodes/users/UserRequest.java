package com.example.statuscodes.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/users} (sign-up) and {@code PUT /api/users/{id}} (full replacement),
 * and the state a merge patch must leave behind. {@code role} may be sent by an admin only;
 * {@code password} is optional (without one the account exists but cannot log in).
 * <p>
 * A missing {@code email} is a 400 (the request cannot be understood without it); an e-mail that is
 * there but malformed, or {@code age: -5}, is a 422 (see {@code errors.ValidationErrors}).
 */
public record UserRequest(
        @NotBlank(message = "Is required")
        @Email(message = "Invalid format")
        @Size(max = 254, message = "Must be at most 254 characters")
        String email,

        @Size(max = 100, message = "Must be at most 100 characters")
        String name,

        @Positive(message = "Must be positive")
        @Max(value = 150, message = "Must be at most 150")
        Integer age,

        Role role,

        @PasswordRules
        String password) {

    /**
     * The e-mail is validated as it will be stored (trimmed, lower-cased): lower-casing can lengthen a string
     * ({@code "İ"} becomes two characters), and the 254-character rule must hold for what reaches the column.
     */
    public UserRequest {
        email = User.normaliseEmail(email);
    }
}
