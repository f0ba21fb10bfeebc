package com.example.statuscodes.admin;

import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicReference;

/** Holds the current settings in memory: one instance, reset to defaults on restart. */
@Component
public class AdminSettingsStore {

    private final AtomicReference<AdminSettings> current = new AtomicReference<>(AdminSettings.DEFAULTS);

    public AdminSettings current() {
        return current.get();
    }

    public AdminSettings replace(AdminSettings settings) {
        current.set(settings);
        return settings;
    }

    public void reset() {
        current.set(AdminSettings.DEFAULTS);
    }
}
