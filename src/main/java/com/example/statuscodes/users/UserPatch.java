package com.example.statuscodes.users;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * An RFC 7396 JSON merge patch for a user ({@code Content-Type: application/merge-patch+json}).
 * A member can be absent (keep the field), {@code null} (clear it) or a value (set it); Jackson calls a
 * setter only for members that are present, so the setters record which ones were sent. Only the optional
 * {@code name} and {@code age} can be cleared: an account cannot be without its e-mail, role or password (PUT cannot
 * remove them either), so {@code null} for one of those is understood but cannot be carried out, a 422 naming it
 * ({@link #CANNOT_BE_CLEARED}), never a silent "keep".
 * A value of the wrong type still fails while reading the body, as a 400 naming the field.
 * <p>
 * Its OpenAPI schema is its own (every member optional, {@code null} allowed only where it clears a field), not
 * {@link UserRequest}'s, which requires {@code email}: a validating proxy would flag every valid patch. The rules on
 * the values are {@code UserRequest}'s, checked on the merged result; the schema states them from the same
 * constants, so that a patch the document allows is never refused for a rule it does not state.
 */
@Schema(name = "UserPatch", description = "JSON merge patch (RFC 7396): absent members are kept, null clears name or age"
        + " (null for email, role or password is a 422); the merged user must satisfy UserRequest's rules")
public final class UserPatch {

    /** The message for a member sent as {@code null} that cannot be cleared; a rule, not a missing value: 422. */
    public static final String CANNOT_BE_CLEARED = "Cannot be cleared";

    private final Set<String> present = new HashSet<>();
    private final Set<String> cannotBeCleared = new TreeSet<>();
    private String email;
    private String name;
    private Integer age;
    private Role role;
    private String password;

    @Schema(description = "A new e-mail (cannot be cleared)", format = "email", pattern = UserRequest.EMAIL_PATTERN,
            minLength = UserRequest.EMAIL_MIN_LENGTH, maxLength = UserRequest.EMAIL_MAX_LENGTH)
    public void setEmail(String email) {
        this.email = email;
        present.add("email");
        refuseClearing("email", email);
    }

    @Schema(types = {"string", "null"}, maxLength = UserRequest.NAME_MAX_LENGTH, description = "null clears it")
    public void setName(String name) {
        this.name = name;
        present.add("name");
    }

    @Schema(types = {"integer", "null"}, format = "int32", minimum = "1", maximum = "" + UserRequest.AGE_MAX,
            description = "null clears it")
    public void setAge(Integer age) {
        this.age = age;
        present.add("age");
    }

    @Schema(description = "Admins only (cannot be cleared)")
    public void setRole(Role role) {
        this.role = role;
        present.add("role");
        refuseClearing("role", role);
    }

    @Schema(description = "A new password (cannot be cleared). " + PasswordRules.SCHEMA_DESCRIPTION,
            minLength = PasswordRules.MIN_CHARACTERS, maxLength = PasswordRules.MAX_BYTES,
            pattern = PasswordRules.SCHEMA_PATTERN)
    public void setPassword(String password) {
        this.password = password;
        present.add("password");
        refuseClearing("password", password);
    }

    private void refuseClearing(String member, Object value) {
        if (value == null) {
            cannotBeCleared.add(member);
        }
    }

    /**
     * The full state the patch leaves behind; it is then validated exactly like a PUT body. A member in
     * {@link #cannotBeCleared()} keeps its current value here, so that it is reported once, as what it is.
     */
    UserRequest applyTo(User user) {
        return new UserRequest(
                email != null ? email : user.getEmail(),
                present.contains("name") ? name : user.getName(),
                present.contains("age") ? age : user.getAge(),
                role,
                password);
    }

    boolean touchesRole() {
        return present.contains("role");
    }

    /** The members sent as {@code null} that cannot be cleared, in alphabetical order. */
    Set<String> cannotBeCleared() {
        return Collections.unmodifiableSet(cannotBeCleared);
    }
}
