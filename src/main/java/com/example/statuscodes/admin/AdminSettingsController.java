package com.example.statuscodes.admin;

import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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

    @GetMapping
    @Override
    public AdminSettings get() {
        return store.current();
    }

    /**
     * 200 with the new settings; an out-of-range value → 422, a missing one → 400 (same errors map). A false
     * {@code If-Match} or {@code If-None-Match} → 412 and nothing written ({@link SettingsPreconditions}).
     */
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Override
    public AdminSettings replace(@Valid @RequestBody AdminSettings settings,
                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                 @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        new SettingsPreconditions(ifMatch, ifNoneMatch).check();
        return store.replace(settings);
    }

    /** Reset to defaults: success with nothing to return → 204; the same preconditions as a PUT. */
    @DeleteMapping
    @Override
    public ResponseEntity<Void> reset(@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        new SettingsPreconditions(ifMatch, ifNoneMatch).check();
        store.reset();
        return ResponseEntity.noContent().build();
    }
}
