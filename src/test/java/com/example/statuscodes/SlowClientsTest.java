package com.example.statuscodes;

import com.example.statuscodes.support.RawHttp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.example.statuscodes.support.RawHttp.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow clients cannot starve the server: a body has a total deadline ({@code app.request-body-timeout}, 1 s here), and
 * the limiters run before any body is read, so a flood of slow uploads from one address is mostly 429s and health
 * keeps answering. Raw sockets against a real Tomcat with its default 200 worker threads and the limits on; each
 * test comes from an address of its own (the whole of 127/8 is loopback), so that their budgets do not mix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"app.rate-limit.enabled=true", "app.request-body-timeout=3s"})
@ActiveProfiles("test")
@DisplayName("Slow clients: a deadline for the body, the limits before it")
class SlowClientsTest {

    private static final String SIGN_UP = "POST /api/users HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";
    private static final String TIMEOUT_PROBLEM = """
            {"detail":"The request body did not arrive within 3000 ms","instance":"/api/users","status":408,\
            "title":"Request Timeout","type":"about:blank","requestId":"%s"}""";

    @LocalServerPort
    int port;

    private Socket connect(String from, int timeoutMillis) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(from), 0);
        socket.setSoTimeout(timeoutMillis);
        return socket;
    }

    @Test
    void a_body_trickled_past_the_deadline_is_a_408_problem_and_the_connection_closes() throws Exception {
        try (Socket socket = connect("127.0.0.4", 10_000)) {
            OutputStream out = socket.getOutputStream();
            out.write(bytes(SIGN_UP + "X-Request-Id: trickle-408\r\nTransfer-Encoding: chunked\r\n\r\n"));
            Thread trickle = new Thread(() -> {
                try {
                    for (int i = 0; i < 50; i++) { // a byte every 200 ms: each read waits less than the deadline
                        out.write(bytes("1\r\n \r\n"));
                        out.flush();
                        Thread.sleep(200);
                    }
                } catch (IOException | InterruptedException closed) {
                    // the server closed the connection: what this test waits for
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            long start = System.nanoTime();
            RawHttp.Response response = RawHttp.read(socket.getInputStream(), false);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            trickle.interrupt();
            assertThat(response.status()).as("status of %s", response).isEqualTo(408);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(response.bodyText()).isEqualTo(TIMEOUT_PROBLEM.formatted("trickle-408"));
            assertThat(millis).as("answered after %d ms", millis).isLessThan(6_000);
            assertThat(RawHttp.closesWithin(socket.getInputStream())).isTrue();
        }
    }

    @Test
    void a_body_that_stops_coming_is_a_408_problem_too() throws Exception {
        try (Socket socket = connect("127.0.0.5", 10_000)) {
            socket.getOutputStream().write(bytes(SIGN_UP + "X-Request-Id: silent-408\r\nContent-Length: 100\r\n\r\n{\"email\":"));
            RawHttp.Response response = RawHttp.read(socket.getInputStream(), false);
            assertThat(response.status()).as("status of %s", response).isEqualTo(408);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(response.bodyText()).isEqualTo(TIMEOUT_PROBLEM.formatted("silent-408"));
            assertThat(RawHttp.closesWithin(socket.getInputStream())).isTrue();
        }
    }

    /**
     * 300 uploads from one address, each sending its headers and one chunk, then nothing: more than Tomcat's 200
     * worker threads. Before, every one of them was read before the limiter ran, with no deadline: no 429, and health
     * waited behind them for the 60 s connection timeout. Now the limiter refuses what is over the address's budget
     * (100 a minute) at once, and health answers while the others still wait for their deadline.
     */
    @Test
    void three_hundred_slow_uploads_from_one_address_leave_health_answering() throws Exception {
        List<Socket> slow = new ArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(32);
        try {
            for (int i = 0; i < 300; i++) {
                Socket socket = connect("127.0.0.3", 10_000);
                slow.add(socket);
                socket.getOutputStream().write(bytes(SIGN_UP + "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n"));
            }
            CountDownLatch refused = new CountDownLatch(150);
            List<Future<Integer>> answers = slow.stream().map(socket -> readers.submit(() -> {
                int status = RawHttp.read(socket.getInputStream(), false).status();
                if (status == 429) {
                    refused.countDown();
                }
                return status;
            })).toList();
            assertThat(refused.await(5, TimeUnit.SECONDS)).as("150 uploads refused with 429 within 5 s").isTrue();
            for (String path : List.of("/actuator/health", "/livez", "/readyz")) {
                long start = System.nanoTime();
                RawHttp.Response health = RawHttp.exchange(port, bytes("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n"), 2_000, false, false);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(health.status()).as(path).isEqualTo(200);
                assertThat(millis).as("%s answered after %d ms", path, millis).isLessThan(2_000);
            }
            // Every slow upload is answered: 429 once the budget is spent, 408 for the ones that were let through.
            // The bucket refills while they wait (one request every 0.6 s), so a few more than 100 may be read.
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(10, TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertThat(statuses.keySet()).containsExactly(408, 429);
            assertThat(statuses.get(429)).isGreaterThan(150);
        } finally {
            readers.shutdownNow();
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }
}
