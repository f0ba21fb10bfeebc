package com.example.statuscodes.ops;

import com.example.statuscodes.support.TestUsers;
import com.example.statuscodes.support.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code http.server.requests} by status, scraped the way Prometheus does in a deployment: on a management port of
 * its own ({@code management.server.port}), without a token. The server's observation sits in front of every filter
 * that can refuse a request, so a refusal is counted with its real status: 401 and 403 from the security chain, 413
 * from the body-size guard, 429 from the limiter. On the API's port the scrape is never anonymous, and health stays
 * there for load balancers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.rate-limit.enabled=true",
        "app.rate-limit.requests-per-minute=3",
        "management.server.port=0", "management.server.address=127.0.0.1"})
@ActiveProfiles("test")
@Import({Tokens.class, TestUsers.class})
@DisplayName("Metrics: every answer counted by status, scraped anonymously on the management port only")
class MetricsByStatusTest {

    private static final Pattern COUNT = Pattern.compile(
            "^http_server_requests_seconds_count\\{(.*)} ([0-9.E]+)$", Pattern.MULTILINE);

    private final HttpClient http = HttpClient.newHttpClient();

    private static final String SCRAPE = "/actuator/prometheus";

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    TestUsers users;

    @Test
    void refusals_from_the_security_chain_the_limiter_and_the_size_guard_are_counted_with_their_status()
            throws Exception {
        Map<String, Double> before = countsByMethodStatusAndUri();
        String newcomer = users.tokenFor(users.create("metrics"));

        assertThat(send(api("/api/me")).statusCode()).isEqualTo(401);
        assertThat(send(api("/api/admin/settings").header("Authorization", newcomer).DELETE()).statusCode())
                .isEqualTo(403);
        assertThat(send(api("/api/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024 + 1]))).statusCode()).isEqualTo(413);
        for (int request = 1; request <= 2; request++) { // the third of the minute was the 403
            assertThat(send(api("/api/me").header("Authorization", newcomer)).statusCode()).isEqualTo(200);
        }
        assertThat(send(api("/api/me").header("Authorization", newcomer)).statusCode()).isEqualTo(429);

        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("GET 401 UNKNOWN", 1.0);
        expected.put("DELETE 403 UNKNOWN", 1.0);
        expected.put("POST 413 UNKNOWN", 1.0);
        expected.put("GET 200 /api/me", 2.0);
        expected.put("GET 429 UNKNOWN", 1.0);
        // A request is counted once its observation stops, just after the client has its answer: poll briefly.
        Map<String, Double> delta = Map.of();
        for (int attempt = 0; attempt < 50 && !delta.equals(expected); attempt++) {
            Thread.sleep(100);
            delta = difference(countsByMethodStatusAndUri(), before);
        }
        assertThat(delta).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void the_scrape_names_method_uri_status_outcome_and_exception_and_no_security_observation() throws Exception {
        send(api("/api/users/1"));
        String scrape = scrape().body();
        assertThat(scrape).containsPattern(
                "http_server_requests_seconds_count\\{.*exception=\"none\".*method=\"GET\".*outcome=\"CLIENT_ERROR\".*status=\"401\".*uri=\"UNKNOWN\"}");
        assertThat(scrape).doesNotContain("spring_security_");
    }

    // Anonymous requests to anything but the actuator and health share 127.0.0.1's budget of 3 a minute with the
    // first test's 401: this class makes two.
    @Test
    void the_public_port_refuses_an_anonymous_scrape_with_the_problem_every_refusal_is() throws Exception {
        HttpResponse<String> publicScrape = send(api(SCRAPE));
        assertThat(publicScrape.statusCode()).isEqualTo(401);
        assertThat(publicScrape.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(publicScrape.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        assertThat(publicScrape.body()).contains("\"detail\":\"Authentication required\"");
        assertThat(scrape().statusCode()).isEqualTo(200);
    }

    @Test
    void the_management_port_scrapes_without_a_token_and_serves_none_of_the_api() throws Exception {
        HttpResponse<String> scrape = scrape();
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        String admin = users.admin();
        assertThat(send(api("/api/users/1").header("Authorization", admin)).statusCode()).isEqualTo(200);
        assertThat(send(management("/api/users/1").header("Authorization", admin)).statusCode()).isEqualTo(404);
    }

    @Test
    void the_management_port_listens_on_the_loopback_address_only() throws Exception {
        // 127.0.0.2 is this host too (all of 127/8 is loopback on Linux): the API's port, bound to every address,
        // answers there; the management port, bound to 127.0.0.1 alone, refuses the connection.
        assertThat(send(HttpRequest.newBuilder(URI.create("http://127.0.0.2:" + port + "/livez"))).statusCode())
                .isEqualTo(200);
        assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.2", managementPort), 2000);
            }
        });
    }

    @Test
    void health_stays_on_the_public_port_for_load_balancers_and_on_the_management_port_for_operators()
            throws Exception {
        for (String probe : new String[] {"/livez", "/readyz"}) {
            HttpResponse<String> answer = send(api(probe));
            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            assertThat(answer.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
        assertThat(send(management("/actuator/health")).statusCode()).isEqualTo(200);
        assertThat(send(management("/actuator/health/readiness")).body()).isEqualTo("{\"status\":\"UP\"}");
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder management(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path));
    }

    private HttpResponse<String> scrape() throws IOException, InterruptedException {
        return send(management(SCRAPE));
    }

    /** "METHOD STATUS URI" → count, from the scrape. */
    private Map<String, Double> countsByMethodStatusAndUri() throws IOException, InterruptedException {
        Map<String, Double> counts = new LinkedHashMap<>();
        Matcher line = COUNT.matcher(scrape().body());
        while (line.find()) {
            String tags = line.group(1);
            counts.merge(tag(tags, "method") + " " + tag(tags, "status") + " " + tag(tags, "uri"),
                    Double.valueOf(line.group(2)), Double::sum);
        }
        return counts;
    }

    private static String tag(String tags, String name) {
        Matcher value = Pattern.compile("(?:^|,)" + name + "=\"([^\"]*)\"").matcher(tags);
        return value.find() ? value.group(1) : "?";
    }

    private static Map<String, Double> difference(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> delta = new LinkedHashMap<>();
        after.forEach((key, count) -> {
            double grown = count - before.getOrDefault(key, 0.0);
            if (grown > 0) { // the management port has no observation filter: the scrape itself is never counted
                delta.put(key, grown);
            }
        });
        return delta;
    }
}
