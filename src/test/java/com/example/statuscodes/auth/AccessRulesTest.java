package com.example.statuscodes.auth;

import com.example.statuscodes.errors.Refusal;
import com.example.statuscodes.users.Caller;
import com.example.statuscodes.users.Role;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two access rules as the security chain asks them, one request at a time. The chain is built once per JVM, so
 * these rules are also asked directly here (the 403 spec tests pin the same answers through HTTP).
 */
class AccessRulesTest {

    private static final Caller USER_7 = new Caller(7, Role.USER);
    private static final Caller ADMIN_1 = new Caller(1, Role.ADMIN);

    private static AuthorizationResult ask(AuthorizationManager<RequestAuthorizationContext> rule, Caller caller,
                                           String id) {
        Authentication authentication = caller == null ? null : new TestingAuthenticationToken(caller, null);
        Map<String, String> variables = id == null ? Map.of() : Map.of("id", id);
        return rule.authorize(() -> authentication,
                new RequestAuthorizationContext(new MockHttpServletRequest(), variables));
    }

    @Test
    void admin_only_grants_an_admin_and_refuses_a_user_and_an_anonymous_caller() {
        assertThat(ask(AccessRules.adminOnly(), ADMIN_1, null).isGranted()).isTrue();
        assertThat(ask(AccessRules.adminOnly(), USER_7, null)).isEqualTo(new Refusal("Admin access required"));
        assertThat(ask(AccessRules.adminOnly(), null, null)).isEqualTo(new Refusal("Admin access required"));
    }

    @Test
    void own_account_or_admin_grants_the_owner_and_any_admin() {
        assertThat(ask(AccessRules.ownAccountOrAdmin(), USER_7, "7").isGranted()).isTrue();
        assertThat(ask(AccessRules.ownAccountOrAdmin(), ADMIN_1, "7").isGranted()).isTrue();
    }

    @Test
    void own_account_or_admin_refuses_another_users_account_and_an_anonymous_caller() {
        assertThat(ask(AccessRules.ownAccountOrAdmin(), USER_7, "8"))
                .isEqualTo(new Refusal("You can only change your own account"));
        assertThat(ask(AccessRules.ownAccountOrAdmin(), USER_7, "0"))
                .isEqualTo(new Refusal("You can only change your own account"));
        assertThat(ask(AccessRules.ownAccountOrAdmin(), null, "7"))
                .isEqualTo(new Refusal("You can only change your own account"));
    }

    @Test
    void an_id_that_names_no_account_is_let_through_for_mvc_to_answer_400() {
        assertThat(ask(AccessRules.ownAccountOrAdmin(), USER_7, "abc").isGranted()).isTrue();
        assertThat(ask(AccessRules.ownAccountOrAdmin(), USER_7, null).isGranted()).isTrue();
    }
}
