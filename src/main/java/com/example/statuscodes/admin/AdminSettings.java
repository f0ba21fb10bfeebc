package com.example.statuscodes.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Settings an admin can change at run time; each one changes real behaviour.
 *
 * @param signupsEnabled  when false, only an admin may create accounts ({@code POST /api/users} → 403)
 * @param defaultPageSize page size of {@code GET /api/users} when the client sends no {@code size}
 * @param requireIfMatch  when true, a PUT, PATCH or DELETE of a user without {@code If-Match} is refused with 428:
 *                        every write must say which version it changes (optional in a PUT of the settings;
 *                        absent means false)
 */
public record AdminSettings(
        @NotNull(message = "Is required")
        Boolean signupsEnabled,

        @NotNull(message = "Is required")
        @Min(value = 1, message = "Must be between 1 and 100")
        @Max(value = 100, message = "Must be between 1 and 100")
        Integer defaultPageSize,

        @Schema(types = {"boolean", "null"}, description = "Absent or null: false")
        Boolean requireIfMatch) {

    public static final AdminSettings DEFAULTS = new AdminSettings(true, 20, false);

    public AdminSettings {
        requireIfMatch = Boolean.TRUE.equals(requireIfMatch);
    }

    public AdminSettings(Boolean signupsEnabled, Integer defaultPageSize) {
        this(signupsEnabled, defaultPageSize, false);
    }
}
