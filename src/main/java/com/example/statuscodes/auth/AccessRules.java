package com.example.statuscodes.auth;

import com.example.statuscodes.errors.Refusal;
import com.example.statuscodes.users.Caller;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.function.Supplier;

/**
 * The guide's 403 rules, decided from the URL alone, in the security chain: before any controller runs and
 * before the body is read or validated, so a write someone may not make is a 403 whatever its body (a 422
 * would tell a caller who may not write there what the rules are). An anonymous caller is refused too, and
 * Spring Security turns that into a 401, since logging in could help.
 */
public final class AccessRules {

    public static final String ADMIN_ONLY = "Admin access required";
    public static final String OWN_ACCOUNT_ONLY = "You can only change your own account";

    private static final AuthorizationResult GRANTED = new AuthorizationDecision(true);

    private AccessRules() {
    }

    /** {@code /api/admin/**}: admins only (the guide's example: {@code DELETE /api/admin/settings} as a user). */
    static AuthorizationManager<RequestAuthorizationContext> adminOnly() {
        return (authentication, context) -> callerOf(authentication) instanceof Caller caller && caller.admin()
                ? GRANTED : new Refusal(ADMIN_ONLY);
    }

    /**
     * {@code PUT, PATCH, DELETE /api/users/{id}}: your own account, or any account if you are an admin.
     * An {@code id} that is not a number names no account; it is let through so that MVC answers 400.
     */
    static AuthorizationManager<RequestAuthorizationContext> ownAccountOrAdmin() {
        return (authentication, context) -> {
            if (!(callerOf(authentication) instanceof Caller caller)) {
                return new Refusal(OWN_ACCOUNT_ONLY);
            }
            Long accountId = accountId(context.getVariables().get("id"));
            return caller.admin() || accountId == null || caller.owns(accountId) ? GRANTED : new Refusal(OWN_ACCOUNT_ONLY);
        };
    }

    private static Object callerOf(Supplier<? extends Authentication> authentication) {
        Authentication current = authentication.get();
        return current != null ? current.getPrincipal() : null;
    }

    private static Long accountId(String id) {
        try {
            return id != null ? Long.valueOf(id) : null;
        } catch (NumberFormatException notAnId) {
            return null;
        }
    }
}
