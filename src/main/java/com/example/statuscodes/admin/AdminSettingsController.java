package com.example.statuscodes.admin;

import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin-only settings. The ADMIN rule is not here but in {@code auth.SecurityConfig} (URL authorization on
 * {@code /api/admin/**}), so a regular user is refused with the guide's 403 "Admin access required"
 * before this controller runs, and an anonymous caller with 401.
 */
@RestController
@RequestMapping(path = "/api/admin/settings", produces = MediaType.APPLICATION_JSON_VALUE)
public class AdminSettingsController implements AdminSettingsApi {

    private final AdminSettingsStore store;

    public AdminSettingsController(AdminSettingsStore store) {
        this.store = store;
    }

    /** 200; a false {@code If-Match} → 412, {@code If-None-Match: *} → 304 ({@link SettingsConditions}). */
    @GetMapping
    @Override
    public AdminSettings get() {
        return store.current();
    }

    /**
     * 200 with the new settings; an out-of-range value → 422, a missing one → 400 (same errors map). A false
     * {@code If-Match} or {@code If-None-Match} was answered 412 before the body was read ({@link SettingsConditions}).
     */
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Override
    public AdminSettings replace(@Valid @RequestBody AdminSettings settings) {
        return store.replace(settings);
    }

    /** Reset to defaults: success with nothing to return → 204; the same preconditions as a PUT. */
    @DeleteMapping
    @Override
    public ResponseEntity<Void> reset() {
        store.reset();
        return ResponseEntity.noContent().build();
    }
}
