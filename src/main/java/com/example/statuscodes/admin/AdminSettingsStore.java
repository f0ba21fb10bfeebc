package com.example.statuscodes.admin;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the current settings in memory: one instance, reset to defaults on restart. Changing them needs the
 * ADMIN role here too, not only on the URL: a future caller that forgets the URL rule still gets a 403
 * (method security's {@code AccessDeniedException}, answered by the same access-denied handler).
 */
@Component
public class AdminSettingsStore {

    private final AtomicReference<AdminSettings> current = new AtomicReference<>(AdminSettings.DEFAULTS);

    public AdminSettings current() {
        return current.get();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public AdminSettings replace(AdminSettings settings) {
        current.set(settings);
        return settings;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void reset() {
        current.set(AdminSettings.DEFAULTS);
    }
}
