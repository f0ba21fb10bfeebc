package com.example.statuscodes.ops;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A management port of its own on an address that is not loopback (here every interface) may be reachable from
 * other hosts: there the scrape keeps needing an admin's token (machinery.ops.ScrapeOnTheManagementPort fails closed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "management.server.address=0.0.0.0",
        // its one line at start-up, saying so, is intended here
        "logging.level.com.example.statuscodes.machinery.ops.ScrapeOnTheManagementPort=WARN"})
@ActiveProfiles("test")
@DisplayName("Metrics: no anonymous scrape on a management port that is not bound to loopback")
class ScrapeOffLoopbackTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void anonymous_scrape_on_a_management_port_bound_to_every_interface_returns_401() throws Exception {
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(401);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(scrape.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = JsonMapper.builder().build().readValue(scrape.body(), Map.class);
        assertThat(problem).containsOnlyKeys("type", "title", "status", "detail", "instance", "requestId")
                .containsAllEntriesOf(Map.of("type", "about:blank", "title", "Unauthorized", "status", 401,
                        "detail", "Authentication required", "instance", "/actuator/prometheus"));
        assertThat(problem.get("requestId")).asString().matches("[0-9a-f-]{36}"); // no X-Request-Id on this port
    }
}
