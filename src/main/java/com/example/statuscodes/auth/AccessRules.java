package com.example.statuscodes.auth;

import com.example.statuscodes.errors.Refusal;
import com.example.statuscodes.users.Caller;
import com.example.statuscodes.users.NotYourAccountException;
import com.example.statuscodes.users.UserId;
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
 * <p>
 * Each rule fails closed: it grants only what it has positively decided, and anything it cannot decide is refused.
 */
public final class AccessRules {

    public static final String ADMIN_ONLY = "Admin access required";
    public static final String OWN_ACCOUNT_ONLY = NotYourAccountException.DETAIL;

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
     * <p>
     * The id is read with {@link UserId#parse}, the parser MVC binds the controller's {@code id} with, so the account
     * decided on here is the account the controller writes. A spelling that parser refuses ({@code 0x2},
     * {@code 02}) is the 400 it raises, before anything is decided; this rule once had a lenient parser of its own
     * and let what it could not read through, and MVC read {@code 0x2} as the admin's id.
     */
    static AuthorizationManager<RequestAuthorizationContext> ownAccountOrAdmin() {
        return (authentication, context) -> {
            if (!(callerOf(authentication) instanceof Caller caller)) {
                return new Refusal(OWN_ACCOUNT_ONLY);
            }
            UserId target = UserId.parse(context.getVariables().get("id"));
            return caller.mayChange(target.value()) ? GRANTED : new Refusal(OWN_ACCOUNT_ONLY);
        };
    }

    private static Object callerOf(Supplier<? extends Authentication> authentication) {
        Authentication current = authentication.get();
        return current != null ? current.getPrincipal() : null;
    }
}
