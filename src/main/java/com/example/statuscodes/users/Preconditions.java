package com.example.statuscodes.users;

/**
 * The conditional headers of a write ({@code If-Match}, {@code If-None-Match}), checked against the user as it is
 * now, before anything is changed: a false condition is a 412 and the write is not made.
 */
record Preconditions(String ifMatch, String ifNoneMatch) {

    static final Preconditions NONE = new Preconditions(null, null);

    void check(User user) {
        UserVersion.requireMatch(ifMatch, user);
        UserVersion.requireNoneMatch(ifNoneMatch, user);
    }
}
