package com.example.statuscodes.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.example.statuscodes.errors.ProblemResponses;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.http.HttpStatus.NOT_ACCEPTABLE;
import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONTENT_TOO_LARGE;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;
import static org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT;
import static org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE;

/**
 * Admin-only settings. The ADMIN rule is not here but in {@code auth.SecurityConfig} (URL authorization on
 * {@code /api/admin/**}), so a regular user is refused with the guide's 403 "Admin access required"
 * before this controller runs, and an anonymous caller with 401.
 */
@Tag(name = "Admin", description = "Settings only an admin may read or change; anyone else gets the guide's 403 \"Admin access required\"")
@RestController
@RequestMapping(path = "/api/admin/settings", produces = MediaType.APPLICATION_JSON_VALUE)
public class AdminSettingsController {

    private final AdminSettingsStore store;

    public AdminSettingsController(AdminSettingsStore store) {
        this.store = store;
    }

    @ProblemResponses({UNAUTHORIZED, FORBIDDEN, NOT_ACCEPTABLE})
    @Operation(summary = "Read the settings")
    @GetMapping
    public AdminSettings get() {
        return store.current();
    }

    /** 200 with the new settings; an out-of-range value → 422, a missing one → 400 (same errors map). */
    @ProblemResponses({BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, CONTENT_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE,
            UNPROCESSABLE_CONTENT, NOT_ACCEPTABLE})
    @Operation(summary = "Replace the settings")
    @PutMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    public AdminSettings replace(@Valid @RequestBody AdminSettings settings) {
        return store.replace(settings);
    }

    /** Reset to defaults: success with nothing to return → 204. */
    @ApiResponse(responseCode = "204", description = "Reset to defaults; no body")
    @ProblemResponses({UNAUTHORIZED, FORBIDDEN, NOT_ACCEPTABLE})
    @Operation(summary = "Reset the settings to their defaults (204)")
    @DeleteMapping
    public ResponseEntity<Void> reset() {
        store.reset();
        return ResponseEntity.noContent().build();
    }
}
