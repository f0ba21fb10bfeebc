package com.example.statuscodes.users;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * At least 8 characters, at most 72 bytes in UTF-8. The upper bound is bcrypt's: it refuses longer input,
 * so without this rule a long password would reach the encoder and come back as a 500 instead of a 422.
 * Null is allowed (the password is optional).
 */
@Documented
@Constraint(validatedBy = PasswordRules.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PasswordRules {

    int MIN_CHARACTERS = 8;
    int MAX_BYTES = 72;

    /**
     * The rule as a JSON Schema can state it (its lengths count code points, not bytes): printable ASCII, one byte
     * each, up to {@value #MAX_BYTES}; or any {@code MAX_BYTES / 4} code points, which UTF-8 never makes longer than
     * {@value #MAX_BYTES} bytes. Stricter than the server (19 two-byte characters are a valid password it does not
     * describe), never looser: a client that follows the document is never refused for the password.
     */
    String SCHEMA_PATTERN = "^(?:[ -~]{" + MIN_CHARACTERS + "," + MAX_BYTES + "}|.{" + MIN_CHARACTERS + "," + MAX_BYTES / 4 + "})$";

    /** What a client may send when it wants to stay within {@link #SCHEMA_PATTERN}. */
    String SCHEMA_DESCRIPTION = "At least 8 characters and at most 72 bytes in UTF-8 (bcrypt's limit); the pattern"
            + " states it as printable ASCII up to 72 characters, or any 18 characters";

    String message() default "Must be at least 8 characters and at most 72 bytes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PasswordRules, String> {
        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            return password == null || (password.codePointCount(0, password.length()) >= MIN_CHARACTERS
                    && fitsBcrypt(password));
        }

        /** bcrypt's own limit; {@code TokenService} checks it too before hashing a login attempt. */
        public static boolean fitsBcrypt(String password) {
            return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        }
    }
}
