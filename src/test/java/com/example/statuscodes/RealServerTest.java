package com.example.statuscodes;

import com.example.statuscodes.users.Role;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What MockMvc cannot show, against a real Tomcat: a real race on the unique constraint, errors Tomcat
 * raises before any servlet runs, and a chunked upload over the size limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DisplayName("Against a real server")
class RealServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    UserRepository repository;
    @Autowired
    PasswordEncoder passwordEncoder;

    @LocalServerPort
    int port;

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    @Test
    void sixteen_concurrent_signups_with_one_email_give_one_201_and_fifteen_409() throws Exception {
        String body = "{\"email\": \"race-" + System.nanoTime() + "@example.com\"}";
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = IntStream.range(0, 16).mapToObj(i -> pool.submit(() -> {
                start.await();
                return send(request("/api/users").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
            })).toList();
            start.countDown();
            Map<Integer, Long> counts = answers.stream().map(RealServerTest::join)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 15L));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sixteen_concurrent_signups_with_one_idempotency_key_create_one_user_and_answer_only_201_or_409() throws Exception {
        String email = "idempotent-" + System.nanoTime() + "@example.com";
        String key = java.util.UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = IntStream.range(0, 16).mapToObj(i -> pool.submit(() -> {
                start.await();
                return send(request("/api/users").header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\"}"))).statusCode();
            })).toList();
            start.countDown();
            Map<Integer, Long> counts = answers.stream().map(RealServerTest::join)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counts.keySet()).isSubsetOf(201, 409).contains(201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(repository.findAll()).filteredOn(user -> user.getEmail().equals(email)).hasSize(1);
        // Once the first has finished, a retry is the original answer again.
        HttpResponse<String> retry = send(request("/api/users").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\"}")));
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void two_admins_demoting_each_other_at_once_cannot_both_succeed() throws Exception {
        // The demo admin and one more: each demotes the other at the same moment. Without the lock on the admin
        // rows both writes would pass their check ("another admin remains") and leave none.
        long demoAdmin = repository.findByEmail("admin@example.com").orElseThrow().getId();
        User unsaved = new User("second-admin-" + System.nanoTime() + "@example.com", "Second", null, Role.ADMIN, Instant.now());
        unsaved.setPasswordHash(passwordEncoder.encode("second-password"));
        User second = repository.save(unsaved);
        try {
            String demoToken = login("admin@example.com", "admin-password");
            String secondToken = login(second.getEmail(), "second-password");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> first = pool.submit(() -> demote(second.getId(), demoToken, start));
                Future<Integer> other = pool.submit(() -> demote(demoAdmin, secondToken, start));
                start.countDown();
                assertThat(List.of(join(first), join(other))).containsExactlyInAnyOrder(200, 409);
            } finally {
                pool.shutdownNow();
            }
            assertThat(repository.findAll()).filteredOn(user -> user.getRole() == Role.ADMIN).hasSize(1);
        } finally {
            User demo = repository.findById(demoAdmin).orElseThrow();
            demo.changeRole(Role.ADMIN);
            repository.save(demo);
            repository.deleteById(second.getId());
        }
    }

    private int demote(long userId, String token, CountDownLatch start) throws Exception {
        start.await();
        return send(request("/api/users/" + userId).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"role\": \"USER\"}"))).statusCode();
    }

    private String login(String email, String password) throws Exception {
        String body = send(request("/api/auth/token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password)))).body();
        return body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void a_wildcard_content_type_is_a_415_problem_on_the_real_server_too() throws Exception {
        // Tomcat hands "*/*" through to Spring, which cannot read a body of no type: MockMvc never showed the 500.
        for (String path : List.of("/api/users", "/api/auth/token")) {
            HttpResponse<String> response = send(request(path).header("Content-Type", "*/*")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"wild@example.com\", \"password\": \"x\"}")));
            assertThat(response.statusCode()).as(path).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("Content-Type '*/*' is not supported");
        }
    }

    @Test
    void encoded_slash_rejected_by_tomcat_is_a_400_problem() throws Exception {
        HttpResponse<String> response = send(request("/api/users/1%2F2"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":400").contains("\"title\":\"Bad Request\"")
                .contains("\"instance\":\"/api/users/1%2F2\"");
    }

    @Test
    void null_byte_in_path_is_a_400_problem() throws Exception {
        HttpResponse<String> response = send(request("/api/users/1%00"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":400")
                .contains("\"detail\":\"Rejected by the web server: Bad Request\"");
    }

    @Test
    void chunked_body_over_the_limit_is_a_413_problem() throws Exception {
        byte[] body = new byte[1024 * 1024 + 10];
        HttpResponse<String> response = send(request("/api/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("Request body is larger than the limit of 1048576 bytes");
    }

    @Test
    void small_chunked_body_still_reaches_the_controller() throws Exception {
        byte[] body = ("{\"email\": \"chunked-" + System.nanoTime() + "@example.com\"}").getBytes();
        HttpResponse<String> response = send(request("/api/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void anonymous_request_through_tomcat_is_a_401_problem_with_www_authenticate() throws Exception {
        HttpResponse<String> response = send(request("/api/nowhere"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
    }

    private static int join(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
