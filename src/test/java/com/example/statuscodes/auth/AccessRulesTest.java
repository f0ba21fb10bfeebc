package com.example.statuscodes.auth;

import com.example.statuscodes.errors.Refusal;
import com.example.statuscodes.users.Caller;
import com.example.statuscodes.users.InvalidUserIdException;
import com.example.statuscodes.users.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(ask(AccessRules.ownAccountOrAdmin(), USER_7, "9223372036854775807"))
                .isEqualTo(new Refusal("You can only change your own account"));
        assertThat(ask(AccessRules.ownAccountOrAdmin(), null, "7"))
                .isEqualTo(new Refusal("You can only change your own account"));
    }

    /**
     * The rule fails closed: an id it cannot read with the controller's parser is never granted, for any caller. It
     * is that parser's 400 (the takeover of {@code PATCH /api/users/0x2} came from letting such an id through).
     */
    @ParameterizedTest(name = "id \"{0}\" → the parser''s 400, never a grant")
    @ValueSource(strings = {"abc", "0x7", "07", "+7", " 7", "7 ", "7.0", "0", "-7", "\u0667", "9223372036854775808", ""})
    void an_id_the_controllers_parser_refuses_is_its_400_for_a_user_and_an_admin(String id) {
        assertThatThrownBy(() -> ask(AccessRules.ownAccountOrAdmin(), USER_7, id))
                .isInstanceOfSatisfying(InvalidUserIdException.class,
                        ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThatThrownBy(() -> ask(AccessRules.ownAccountOrAdmin(), ADMIN_1, id)).isInstanceOf(InvalidUserIdException.class);
    }

    @Test
    void no_id_at_all_is_never_a_grant() {
        assertThatThrownBy(() -> ask(AccessRules.ownAccountOrAdmin(), USER_7, null)).isInstanceOf(InvalidUserIdException.class);
    }
}
