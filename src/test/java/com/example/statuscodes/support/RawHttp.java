package com.example.statuscodes.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a bare {@link Socket}: the request goes out byte for byte as the test wrote it (no client library
 * fixes a request line, drops a header or encodes a path), and the answer is parsed by hand. Used where
 * the point is what Tomcat itself does with a malformed request, and to see whether the server closes the connection.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** A parsed response. {@code headers} keys are lower case; {@code closed} tells whether the server closed the connection. */
    public record Response(String statusLine, int status, Map<String, List<String>> headers, byte[] body, boolean closed) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = bodyText();
            return statusLine + " " + headers + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    /** Sends the bytes and reads one response; then waits (at most {@code timeoutMillis}) to see whether the server closes. */
    public static Response exchange(int port, byte[] request, int timeoutMillis) throws IOException {
        return exchange(port, request, timeoutMillis, false, true);
    }

    /**
     * @param headRequest the response to a HEAD has headers only, whatever its {@code Content-Length} says
     * @param awaitClose  whether to wait for the server to close the connection after the response ({@code closed})
     */
    public static Response exchange(int port, byte[] request, int timeoutMillis, boolean headRequest, boolean awaitClose)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedWhileWriting) {
                // The server may answer and close before it has read everything (e.g. an oversized body): read the answer.
            }
            InputStream in = socket.getInputStream();
            Response response = read(in, headRequest);
            return new Response(response.statusLine(), response.status(), response.headers(), response.body(),
                    awaitClose && closesWithin(in));
        }
    }

    /** Reads one response from a connection the caller holds (to send more requests on it); {@code closed} is false. */
    public static Response read(InputStream in, boolean headRequest) throws IOException {
        Response head = readHead(in);
        byte[] body = headRequest || head.status() == 204 || head.status() == 304 || head.status() < 200
                ? new byte[0] : readBody(in, head.headers());
        return new Response(head.statusLine(), head.status(), head.headers(), body, false);
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** True if the server closes the connection (end of stream) before the socket's read timeout. */
    public static boolean closesWithin(InputStream in) throws IOException {
        try {
            byte[] buffer = new byte[8192];
            while (true) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true; // a reset is a close too
        }
    }

    private static Response readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0D0A0D0A) { // CR LF CR LF
            int b = in.read();
            if (b < 0) {
                throw new IOException("Connection closed before the end of the response head: "
                        + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String statusLine = lines[0];
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("Not an HTTP status line: " + statusLine);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        return new Response(statusLine, Integer.parseInt(parts[1]), headers, new byte[0], false);
    }

    private static byte[] readBody(InputStream in, Map<String, List<String>> headers) throws IOException {
        List<String> encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.get(encoding.size() - 1).toLowerCase(Locale.ROOT).endsWith("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in);
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    while (!readLine(in).isEmpty()) {
                        // trailers
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                readLine(in);
            }
        }
        List<String> length = headers.get("content-length");
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length.get(0)));
        }
        return in.readAllBytes(); // delimited by the end of the connection
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
