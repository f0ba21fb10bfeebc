package com.example.statuscodes;

import com.example.statuscodes.admin.AdminSettings;
import com.example.statuscodes.admin.AdminSettingsStore;
import com.example.statuscodes.admin.SettingsPreconditionFailedException;
import com.example.statuscodes.support.RawHttp;
import com.example.statuscodes.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

import static com.example.statuscodes.support.RawHttp.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request refused before its body is read is answered with {@code Connection: close} and its connection closed at
 * once, instead of Tomcat reading and discarding the announced body first ({@code machinery.tomcat.RefusedUnreadBodies});
 * a request whose body was read keeps its connection. Raw sockets: the point is what happens to the connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DisplayName("A refusal does not wait for the body it did not read")
class UnreadBodiesTest {

    /** The close must come at once; before the fix the connection stayed open for the 60 s connection timeout. */
    private static final int CLOSE_WITHIN_MILLIS = 2_000;

    @LocalServerPort
    int port;

    @Autowired
    AdminSettingsStore settings;

    private String alice;
    private String admin;

    @BeforeEach
    void logIn() throws IOException {
        alice = token("alice@example.com", "alice-password");
        admin = token("admin@example.com", "admin-password");
    }

    private String token(String email, String password) throws IOException {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        RawHttp.Response response = RawHttp.exchange(port, bytes("POST /api/auth/token HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body),
                5_000);
        return response.bodyText().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    @ParameterizedTest(name = "{0} {1} as {2} → {4}")
    @CsvSource(delimiter = '|', textBlock = """
            PATCH | /api/users/1      | anonymous | application/merge-patch+json | 401
            PATCH | /api/users/2      | alice     | application/merge-patch+json | 403
            POST  | /api/nowhere      | alice     | application/json             | 404
            POST  | /api/users/1      | alice     | application/json             | 405
            PATCH | /api/users/1      | alice     | text/plain                   | 415
            """)
    void a_refusal_with_its_body_unread_closes_the_connection_at_once(String method, String path, String caller,
                                                                      String contentType, int status) throws Exception {
        // 100 000 bytes announced, one sent: the rest never comes.
        String authorization = caller.equals("alice") ? "Authorization: Bearer " + alice + "\r\n" : "";
        RawHttp.Response response = RawHttp.exchange(port, bytes(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + authorization + "Content-Type: " + contentType + "\r\nContent-Length: 100000\r\n\r\n{"), CLOSE_WITHIN_MILLIS);
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.header("Connection")).as("Connection of %s", response).isEqualTo("close");
        assertThat(response.closed()).as("closed within %d ms after %s", CLOSE_WITHIN_MILLIS, response).isTrue();
    }

    @Test
    void closed_signups_refuse_an_anonymous_signup_at_once_without_waiting_for_its_body() throws Exception {
        TestUsers.asAdmin(() -> settings.replace(new AdminSettings(false, 20)));
        try {
            RawHttp.Response response = RawHttp.exchange(port, bytes("POST /api/users HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"), CLOSE_WITHIN_MILLIS);
            assertThat(response.status()).as("status of %s", response).isEqualTo(403);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.bodyText()).contains("\"detail\":\"Sign-ups are closed\"");
            assertThat(response.header("Connection")).as("Connection of %s", response).isEqualTo("close");
            assertThat(response.closed()).as("closed within %d ms after %s", CLOSE_WITHIN_MILLIS, response).isTrue();
        } finally {
            TestUsers.asAdmin(settings::reset);
        }
    }

    @Test
    void a_false_if_match_on_the_settings_is_refused_at_once_without_waiting_for_the_body() throws Exception {
        RawHttp.Response response = RawHttp.exchange(port, bytes("PUT /api/admin/settings HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + admin + "\r\nIf-Match: \"x\"\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"), CLOSE_WITHIN_MILLIS);
        assertThat(response.status()).as("status of %s", response).isEqualTo(412);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.bodyText()).contains("\"detail\":\"" + SettingsPreconditionFailedException.DETAIL + "\"");
        assertThat(response.header("Connection")).as("Connection of %s", response).isEqualTo("close");
        assertThat(response.closed()).as("closed within %d ms after %s", CLOSE_WITHIN_MILLIS, response).isTrue();
        assertThat(settings.current()).isEqualTo(AdminSettings.DEFAULTS);
    }

    @Test
    void a_refusal_whose_body_was_read_keeps_the_connection_for_the_next_request() throws Exception {
        String invalid = "{\"email\":\"not-an-email\"}";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(bytes("POST /api/users HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + invalid.length() + "\r\n\r\n" + invalid));
            RawHttp.Response refused = RawHttp.read(in, false);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.header("Connection")).isNull();
            out.write(bytes("GET /livez HTTP/1.1\r\nHost: localhost\r\n\r\n"));
            RawHttp.Response next = RawHttp.read(in, false);
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.bodyText()).isEqualTo("{\"status\":\"UP\"}");
        }
    }
}
