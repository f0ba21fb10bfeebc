package com.example.statuscodes.scale;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/** A redis-server of the test's own, on its own port, that the test stops and starts again (a real outage). */
final class RedisProcess implements AutoCloseable {

    private final int port = Services.freePort();
    private Process process;

    RedisProcess() {
        start();
    }

    int port() {
        return port;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    synchronized void start() {
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", System.getProperty("java.io.tmpdir"))
                    .redirectErrorStream(true)
                    .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "scale-it-redis-" + port + ".log"))
                    .start();
        } catch (IOException ex) {
            throw new AssertionError("Could not start redis-server (apt-get install redis-server): " + ex, ex);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new AssertionError("redis-server did not start on port " + port);
                }
                sleep(50);
            }
        }
    }

    synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
