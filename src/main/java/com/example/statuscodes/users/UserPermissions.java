package com.example.statuscodes.users;

import com.example.statuscodes.auth.Caller;
import com.example.statuscodes.auth.ForbiddenException;

/**
 * The ownership rules: the guide's 403 "authenticated, but not allowed". Logging in again would not help,
 * which is exactly what tells 403 apart from 401.
 */
final class UserPermissions {

    private UserPermissions() {
    }

    static void requireOwnerOrAdmin(Caller caller, long userId) {
        if (!caller.admin() && !caller.owns(userId)) {
            throw new ForbiddenException("You can only change your own account");
        }
    }

    static void requireAdminToSetRole(Caller caller, boolean roleSent) {
        if (roleSent && !caller.admin()) {
            throw new ForbiddenException("Only an admin can set a user's role");
        }
    }
}
