package com.example.statuscodes.admin;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The current settings, kept in the database's single {@code admin_settings} row (created by Flyway, see
 * {@code db/migration/V2__admin_settings.sql}): every instance reads the same row, so a change made through one
 * instance holds on all of them at once, and survives a restart. Changing them needs the ADMIN role here too,
 * not only on the URL: a future caller that forgets the URL rule still gets a 403 (method security's
 * {@code AccessDeniedException}, answered by the same access-denied handler).
 */
@Component
public class AdminSettingsStore {

    private final JdbcTemplate jdbc;

    public AdminSettingsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One primary-key read per call: no cache, so no instance ever answers from a stale copy. */
    public AdminSettings current() {
        return jdbc.queryForObject(
                "select signups_enabled, default_page_size, require_if_match from admin_settings where id = 1",
                (row, n) -> new AdminSettings(row.getBoolean(1), row.getInt(2), row.getBoolean(3)));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public AdminSettings replace(AdminSettings settings) {
        write(settings);
        return settings;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void reset() {
        write(AdminSettings.DEFAULTS);
    }

    /** Last write wins, as with the in-memory store it replaces; a PUT replaces the whole settings document. */
    private void write(AdminSettings settings) {
        jdbc.update("update admin_settings set signups_enabled = ?, default_page_size = ?, require_if_match = ? where id = 1",
                settings.signupsEnabled(), settings.defaultPageSize(), settings.requireIfMatch());
    }
}
