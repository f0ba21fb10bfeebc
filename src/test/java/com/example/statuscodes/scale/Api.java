package com.example.statuscodes.scale;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The app over real HTTP sockets, as a client sees it (no test helpers of the default suite). */
final class Api {

    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String base;
    private final String forwardedFor;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api(int port) {
        this(port, null);
    }

    /**
     * Every request says it is forwarded for {@code client}. The test connects from 127.0.0.1, the scale profile's
     * trusted proxy, so the app keys its rate limits by that client: each test its own budget.
     */
    Api(int port, String forwardedFor) {
        this.base = "http://127.0.0.1:" + port;
        this.forwardedFor = forwardedFor;
    }

    HttpResponse<String> send(String method, String path, String token, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new AssertionError(method + " " + path + " failed: " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null);
    }

    HttpResponse<String> login(String email, String password) {
        return send("POST", "/api/auth/token", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    String token(String email, String password) {
        HttpResponse<String> response = login(email, password);
        Matcher matcher = TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new AssertionError("login of " + email + " answered " + response.statusCode() + " " + response.body());
        }
        return matcher.group(1);
    }

    /**
     * One raw HTTP/1.1 request from a chosen local address (127.0.0.x: every loopback address is this host), so a
     * test can be "a client" or "the proxy" by where it connects from. Returns the status code.
     */
    static int rawStatus(int port, String from, String requestHead, String body) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write((requestHead + "Host: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1); // "HTTP/1.1 401"
            in.readAllBytes();
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (IOException ex) {
            throw new AssertionError("raw request from " + from + " failed: " + ex, ex);
        }
    }
}
