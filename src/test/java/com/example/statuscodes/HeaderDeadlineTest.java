package com.example.statuscodes;

import com.example.statuscodes.support.RawHttp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.example.statuscodes.support.RawHttp.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request head (request line and header fields) must arrive whole within {@code app.request-header-timeout}
 * (2 s here), counted from its first byte; a head still incomplete then is closed ({@code machinery.tomcat.HeaderDeadline}).
 * Tomcat alone bounds each read of a head (60 s), not the whole: a byte every 59 s kept a connection for days.
 * Raw sockets against a real Tomcat; each test comes from an address of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"app.request-header-timeout=2s", "app.request-body-timeout=4s"})
@ActiveProfiles("test")
@DisplayName("Slow clients: a deadline for the request head")
class HeaderDeadlineTest {

    private static final long DEADLINE_MILLIS = 2_000;
    /** The sweep runs every 500 ms, so at most 2.5 s; a second more for a loaded machine. */
    private static final long CLOSED_BY_MILLIS = DEADLINE_MILLIS + 1_500;
    private static final String HEALTH = "GET /actuator/health HTTP/1.1\r\nHost: localhost\r\n";

    @LocalServerPort
    int port;

    private Socket connect(String from, int timeoutMillis) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(from), 0);
        socket.setSoTimeout(timeoutMillis);
        return socket;
    }

    /** Milliseconds until the server closes the connection, reading whatever it sends; -1 if still open at the timeout. */
    private static long millisUntilClosed(InputStream in, long since) throws IOException {
        try {
            while (in.read() >= 0) {
                // nothing is expected; the end of the stream is the answer
            }
        } catch (SocketTimeoutException stillOpen) {
            return -1;
        } catch (IOException reset) {
            // a reset is a close too
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }

    @Test
    void a_head_trickled_one_byte_at_a_time_is_closed_at_its_deadline() throws Exception {
        try (Socket socket = connect("127.0.0.21", 8_000)) {
            OutputStream out = socket.getOutputStream();
            byte[] head = bytes(HEALTH + "X-Trickle: " + "a".repeat(100));
            long firstByte = System.nanoTime();
            Thread trickle = new Thread(() -> {
                try {
                    for (byte b : head) { // a byte every 300 ms: each read waits far less than the 60 s per read
                        out.write(b);
                        out.flush();
                        Thread.sleep(300);
                    }
                } catch (IOException | InterruptedException closed) {
                    // the server closed the connection: what this test waits for
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            long millis = millisUntilClosed(socket.getInputStream(), firstByte);
            trickle.interrupt();
            assertThat(millis).as("closed after %d ms (-1: still open after 8 s)", millis)
                    .isBetween(DEADLINE_MILLIS, CLOSED_BY_MILLIS);
        }
    }

    @Test
    void a_kept_alive_connection_idle_between_requests_is_not_closed_by_the_head_deadline() throws Exception {
        try (Socket socket = connect("127.0.0.22", 5_000)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(bytes(HEALTH + "\r\n"));
            assertThat(RawHttp.read(in, false).status()).isEqualTo(200);
            // Longer than the head deadline, shorter than the keep-alive timeout (60 s): no byte of a next head yet.
            Thread.sleep(DEADLINE_MILLIS + 1_500);
            out.write(bytes(HEALTH + "\r\n"));
            RawHttp.Response second = RawHttp.read(in, false);
            assertThat(second.status()).as("status of %s", second).isEqualTo(200);
            assertThat(second.header("Connection")).isNull();
        }
    }

    @Test
    void the_next_head_on_a_kept_alive_connection_has_its_own_deadline_from_its_first_byte() throws Exception {
        try (Socket socket = connect("127.0.0.23", 8_000)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(bytes(HEALTH + "\r\n"));
            assertThat(RawHttp.read(in, false).status()).isEqualTo(200);
            Thread.sleep(DEADLINE_MILLIS + 500); // the connection is older than the deadline; the next head is not
            long firstByte = System.nanoTime();
            out.write(bytes(HEALTH + "X-Stalled: "));
            long millis = millisUntilClosed(in, firstByte);
            assertThat(millis).as("closed after %d ms (-1: still open after 8 s)", millis)
                    .isBetween(DEADLINE_MILLIS, CLOSED_BY_MILLIS);
        }
    }

    @Test
    void a_head_sent_in_two_parts_within_the_deadline_is_answered() throws Exception {
        try (Socket socket = connect("127.0.0.24", 5_000)) {
            OutputStream out = socket.getOutputStream();
            out.write(bytes("GET /actuator/health HTTP/1.1\r\nHo"));
            out.flush();
            Thread.sleep(1_200);
            out.write(bytes("st: localhost\r\nConnection: close\r\n\r\n"));
            RawHttp.Response response = RawHttp.read(socket.getInputStream(), false);
            assertThat(response.status()).as("status of %s", response).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo("application/vnd.spring-boot.actuator.v3+json");
            assertThat(response.bodyText()).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
        }
    }

    /**
     * A head complete, then a body that stops coming: the body's deadline (4 s here) governs it, with its 408 problem;
     * the head's (2 s) is over once the head is in.
     */
    @Test
    void a_complete_head_with_a_stalled_body_is_left_to_the_body_deadline_408() throws Exception {
        try (Socket socket = connect("127.0.0.25", 10_000)) {
            long start = System.nanoTime();
            socket.getOutputStream().write(bytes("POST /api/users HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Request-Id: stalled-body\r\nContent-Length: 100\r\n\r\n{\"email\":"));
            RawHttp.Response response = RawHttp.read(socket.getInputStream(), false);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(response.status()).as("status of %s", response).isEqualTo(408);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(response.bodyText()).isEqualTo("""
                    {"detail":"The request body did not arrive within 4000 ms","instance":"/api/users","status":408,\
                    "title":"Request Timeout","type":"about:blank","requestId":"stalled-body"}""");
            assertThat(millis).as("answered after %d ms", millis).isGreaterThanOrEqualTo(4_000);
        }
    }

    /**
     * 200 heads from one address, each stopped in its header fields: all closed soon after their deadline, and
     * health answers meanwhile. Before, each stayed open for Tomcat's 60 s per read, and a byte every 59 s for ever.
     */
    @Test
    void two_hundred_stalled_heads_from_one_address_are_closed_and_health_keeps_answering() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            long start = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                Socket socket = connect("127.0.0.26", 5_000);
                stalled.add(socket);
                socket.getOutputStream().write(bytes(HEALTH + "X-Stalled: " + i));
            }
            for (String path : List.of("/actuator/health", "/livez", "/readyz")) {
                long sent = System.nanoTime();
                RawHttp.Response health = RawHttp.exchange(port, bytes("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n"), 2_000, false, false);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
                assertThat(health.status()).as(path).isEqualTo(200);
                assertThat(millis).as("%s answered after %d ms", path, millis).isLessThan(2_000);
            }
            long deadline = start + TimeUnit.SECONDS.toNanos(5);
            int open = 0;
            for (Socket socket : stalled) {
                socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                if (millisUntilClosed(socket.getInputStream(), start) < 0) {
                    open++;
                }
            }
            assertThat(open).as("stalled heads still open 5 s after the first was sent").isZero();
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }
}
