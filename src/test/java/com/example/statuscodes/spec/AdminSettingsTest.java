package com.example.statuscodes.spec;

import com.example.statuscodes.admin.AdminSettings;
import com.example.statuscodes.admin.AdminSettingsStore;
import com.example.statuscodes.support.ApiTest;
import com.example.statuscodes.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.example.statuscodes.support.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code /api/admin/settings} as an admin sees it (200, 204), and what each setting changes; its 401/403/422 are in those classes. */
@ApiTest
@DisplayName("/api/admin/settings")
class AdminSettingsTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestUsers users;
    @Autowired
    AdminSettingsStore settings;

    @AfterEach
    void resetSettings() {
        TestUsers.asAdmin(settings::reset);
    }

    @Test
    void get_settings_as_admin_returns_200_with_current_settings() {
        assertThat(mvc.get().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin()))
                .hasStatusOk()
                .bodyJson().isStrictlyEqualTo("{\"signupsEnabled\": true, \"defaultPageSize\": 20, \"requireIfMatch\": false}");
    }

    @Test
    void put_settings_as_admin_returns_200_and_changes_the_default_page_size() {
        assertThat(mvc.put().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"signupsEnabled\": true, \"defaultPageSize\": 2}"))
                .hasStatusOk()
                .bodyJson().isStrictlyEqualTo("{\"signupsEnabled\": true, \"defaultPageSize\": 2, \"requireIfMatch\": false}");

        assertThat(mvc.get().uri("/api/users").header(HttpHeaders.AUTHORIZATION, users.alice()))
                .hasStatusOk()
                .bodyJson().extractingPath("$.page.size").isEqualTo(2);
    }

    /** The document says {@code "requireIfMatch": ["boolean", "null"]}: null is accepted, and means false. */
    @Test
    void put_settings_with_require_if_match_null_returns_200_with_false() {
        assertThat(mvc.put().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"signupsEnabled\": true, \"defaultPageSize\": 20, \"requireIfMatch\": null}"))
                .hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON)
                .bodyJson().isStrictlyEqualTo("{\"signupsEnabled\": true, \"defaultPageSize\": 20, \"requireIfMatch\": false}");
    }

    @Test
    void put_settings_closing_signups_makes_signup_403() {
        assertThat(mvc.put().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"signupsEnabled\": false, \"defaultPageSize\": 20}")).hasStatusOk();

        assertProblem(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"%s\"}".formatted(TestUsers.uniqueEmail("closed"))).exchange(),
                HttpStatus.FORBIDDEN, "Sign-ups are closed");
    }

    @Test
    void delete_settings_as_admin_returns_204_and_restores_defaults() {
        TestUsers.asAdmin(() -> settings.replace(new AdminSettings(false, 7)));
        assertThat(mvc.delete().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin()))
                .hasStatus(HttpStatus.NO_CONTENT)
                .body().isEmpty();
        assertThat(settings.current()).isEqualTo(AdminSettings.DEFAULTS);
    }

    @Test
    void put_settings_with_a_missing_field_returns_400_and_changes_nothing() {
        assertThat(mvc.put().uri("/api/admin/settings").header(HttpHeaders.AUTHORIZATION, users.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"signupsEnabled\": false}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors.defaultPageSize").isEqualTo("Is required");
        assertThat(settings.current()).isEqualTo(AdminSettings.DEFAULTS);
    }

    @Test
    void settings_need_the_admin_role_below_the_url_rule_too() {
        SecurityContext user = SecurityContextHolder.createEmptyContext();
        user.setAuthentication(new TestingAuthenticationToken("alice", null, "ROLE_USER"));
        SecurityContextHolder.setContext(user);
        try {
            assertThatThrownBy(() -> settings.replace(new AdminSettings(false, 5)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(settings::reset).isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(settings.current()).isEqualTo(AdminSettings.DEFAULTS);
    }
}
