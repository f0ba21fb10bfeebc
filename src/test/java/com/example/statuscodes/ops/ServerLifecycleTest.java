package com.example.statuscodes.ops;

import com.example.statuscodes.support.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server's life, first request to last: the demo accounts exist before the server answers anything, and a
 * shutdown lets the requests in flight finish while it refuses new connections (Boot's graceful shutdown).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({Tokens.class, ServerLifecycleTest.FirstRequest.class, ServerLifecycleTest.SlowEndpoint.class})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("A real server, from its first request to its shutdown")
class ServerLifecycleTest {

    /**
     * Logs in as a demo user the moment Tomcat has started listening: from inside the event Boot publishes right
     * after the web server starts, before anything else can have reached it.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class FirstRequest implements ApplicationListener<ServletWebServerInitializedEvent> {

        volatile HttpResponse<String> answer;

        @Override
        public void onApplicationEvent(ServletWebServerInitializedEvent event) {
            try {
                answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + "/api/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"alice@example.com\",\"password\":\"alice-password\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Test-only: a request that stays in flight until the test lets it finish. */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class SlowEndpoint {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @GetMapping("/test/slow")
        String slow() throws InterruptedException {
            entered.countDown();
            assertThat(release.await(30, TimeUnit.SECONDS)).as("released by the test").isTrue();
            return "finished";
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    FirstRequest firstRequest;
    @Autowired
    SlowEndpoint slowEndpoint;
    @Autowired
    Tokens tokens;
    @Autowired
    ConfigurableApplicationContext context;

    @Test
    @Order(1)
    void a_demo_user_logs_in_with_the_first_request_the_server_answers() {
        assertThat(firstRequest.answer).as("the first request's answer").isNotNull();
        assertThat(firstRequest.answer.statusCode()).isEqualTo(200);
        assertThat(firstRequest.answer.body()).contains("\"access_token\"");
    }

    @Test
    @Order(2)
    void shutdown_lets_the_request_in_flight_finish_and_refuses_new_connections() throws Exception {
        CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/slow"))
                        .header("Authorization", tokens.bearer(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(slowEndpoint.entered.await(30, TimeUnit.SECONDS)).as("the slow request reached its controller").isTrue();

        // What SIGTERM starts: closing the context stops its lifecycle beans, the web server's graceful shutdown
        // first. stop() runs that same phase and leaves the context to the test framework, which closes it.
        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(context::stop);
        boolean refused = false;
        for (int attempt = 0; attempt < 300 && !refused; attempt++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                Thread.sleep(50);
            } catch (ConnectException connectionRefused) {
                refused = true;
            }
        }
        assertThat(refused).as("new connections refused once the shutdown began").isTrue();
        assertThat(shutdown).as("the shutdown waits for the request in flight").isNotDone();
        assertThat(inFlight).isNotDone();

        slowEndpoint.release.countDown();
        HttpResponse<String> finished = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).isEqualTo("finished");
        shutdown.get(30, TimeUnit.SECONDS);
        assertThat(context.isRunning()).isFalse();
    }
}
