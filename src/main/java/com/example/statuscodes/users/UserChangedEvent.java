package com.example.statuscodes.users;

/** Published after a user is created, changed or deleted, so caches of account state can forget it. */
public record UserChangedEvent(long userId) {
}
