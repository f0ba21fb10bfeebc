package com.example.statuscodes.users;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/users} (sign-up) and {@code PUT /api/users/{id}} (full replacement),
 * and the state a merge patch must leave behind. {@code role} may be sent by an admin only;
 * {@code password} is optional (without one the account exists but cannot log in).
 * <p>
 * A missing {@code email} is a 400 (the request cannot be understood without it); an e-mail that is
 * there but malformed, or {@code age: -5}, is a 422 (see {@code errors.ValidationErrors}).
 * <p>
 * Each rule is stated once and read twice: by bean validation and, through {@code @Schema}, by the OpenAPI
 * document, so a client generated from the document builds no request that a rule it was not told about refuses.
 */
public record UserRequest(
        @NotBlank(message = "Is required")
        @Pattern(regexp = EMAIL_PATTERN, message = "Invalid format")
        @Size(min = EMAIL_MIN_LENGTH, max = EMAIL_MAX_LENGTH, message = "Must be 3 to 254 characters")
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "email", pattern = EMAIL_PATTERN,
                minLength = EMAIL_MIN_LENGTH, maxLength = EMAIL_MAX_LENGTH)
        String email,

        @CodePoints(max = NAME_MAX_LENGTH, message = "Must be at most 100 characters")
        @Schema(types = {"string", "null"}, maxLength = NAME_MAX_LENGTH)
        String name,

        @Positive(message = "Must be positive")
        @Max(value = AGE_MAX, message = "Must be at most 150")
        @Schema(types = {"integer", "null"}, format = "int32") // @Positive and @Max: exclusiveMinimum 0, maximum 150
        Integer age,

        @Schema(types = {"string", "null"}, description = "Admins only; absent or null: USER on sign-up, kept on a PUT")
        Role role,

        @PasswordRules
        @Schema(types = {"string", "null"}, minLength = PasswordRules.MIN_CHARACTERS, maxLength = PasswordRules.MAX_BYTES,
                pattern = PasswordRules.SCHEMA_PATTERN, description = PasswordRules.SCHEMA_DESCRIPTION)
        String password) {

    /**
     * An e-mail address in ASCII: a dot-atom local part of at most 64 characters (RFC 5321), then host-name labels
     * of at most 63 letters, digits and inner hyphens. The server enforces exactly this pattern, so the document and
     * the server cannot differ; it is written in the regular-expression subset that Java and ECMA-262 (JSON Schema)
     * read alike, and ASCII keeps it true of the address as stored (trimmed and lower-cased, which never lengthens it).
     */
    public static final String EMAIL_PATTERN = "^(?=[^@]{1,64}@)"
            + "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$";
    public static final int EMAIL_MIN_LENGTH = 3;
    public static final int EMAIL_MAX_LENGTH = 254;
    public static final int NAME_MAX_LENGTH = 100;
    public static final int AGE_MAX = 150;

    /**
     * The e-mail is validated as it will be stored (trimmed, lower-cased): lower-casing can lengthen a string
     * ({@code "İ"} becomes two characters), and the 254-character rule must hold for what reaches the column.
     */
    public UserRequest {
        email = User.normaliseEmail(email);
    }
}
