package com.example.statuscodes.requestbody;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The guide's extras: 413 Content Too Large for a body over {@code app.max-request-body-size} (1 MiB), and 408 Request
 * Timeout for a body that does not arrive within {@code app.request-body-timeout} (10 s).
 * A declared {@code Content-Length} over the limit is refused here, before the security chain, without reading
 * anything. Any other body is read only when the application asks for it (the controller's {@code @RequestBody}),
 * so who may call, how often, on which route and with which Content-Type is decided first, and a refused request
 * is answered without reading a byte of its body. Then it is read whole, up to the limit plus one byte, and replayed.
 * <p>
 * Reading a body holds a worker thread, so it has a total deadline, not only Tomcat's timeout per read: a client
 * that trickles a byte now and then would otherwise hold the thread for as long as it likes. The 413 and the 408
 * are rendered by the one advice, like every other error: they are raised where the body is asked for.
 * Runs after {@link RequestIdFilter} and the server's metrics observation (order +1), so its 413 carries the request
 * id and is counted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class RequestBodySizeFilter extends OncePerRequestFilter {

    private final HandlerExceptionResolver errors;
    private final long maxBytes;
    private final Duration timeout;

    public RequestBodySizeFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors,
                                 @Value("${app.max-request-body-size:1MB}") DataSize maxBodySize,
                                 @Value("${app.request-body-timeout:10s}") Duration timeout) {
        this.errors = errors;
        this.maxBytes = maxBodySize.toBytes();
        this.timeout = timeout;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            errors.resolveException(request, response, null, new RequestBodyTooLargeException(maxBytes));
            return;
        }
        boolean chunked = declared < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        chain.doFilter(declared > 0 || chunked ? new BodyReadOnDemand(request) : request, response);
    }

    /**
     * Reads up to the limit plus one byte. Late once the deadline has passed after a read, or when a read waited in
     * vain for Tomcat's timeout per read ({@code machinery.tomcat.UploadTimeout} sets it to the same duration).
     */
    private byte[] readWithinDeadline(HttpServletRequest request) throws IOException {
        InputStream in = request.getInputStream();
        int limit = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1);
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(limit, 8192));
        byte[] buffer = new byte[8192];
        try {
            int read;
            while (body.size() < limit && (read = in.read(buffer, 0, Math.min(buffer.length, limit - body.size()))) >= 0) {
                body.write(buffer, 0, read);
                if (System.nanoTime() - deadline > 0) {
                    throw new RequestBodyTimeoutException(timeout);
                }
            }
        } catch (IOException failed) {
            if (!timedOut(failed)) {
                throw failed;
            }
            // Tomcat has answered the read that timed out itself: a 408, which the container forwards to /error
            // (errors.ProblemErrorController). As that error's cause, this exception gives it the same answer.
            RequestBodyTimeoutException late = new RequestBodyTimeoutException(timeout);
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, late);
            throw late;
        }
        if (body.size() > maxBytes) {
            throw new RequestBodyTooLargeException(maxBytes);
        }
        return body.toByteArray();
    }

    private static boolean timedOut(IOException failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Reads the body, within the limits, the first time it is asked for, and replays it. */
    private final class BodyReadOnDemand extends HttpServletRequestWrapper {
        private byte[] body;

        BodyReadOnDemand(HttpServletRequest request) {
            super(request);
        }

        private byte[] body() throws IOException {
            if (body == null) {
                body = readWithinDeadline((HttpServletRequest) getRequest());
            }
            return body;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ByteArrayInputStream in = new ByteArrayInputStream(body());
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Blocking reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            Charset charset = getCharacterEncoding() != null
                    ? Charset.forName(getCharacterEncoding()) : StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body != null ? body.length : super.getContentLength();
        }

        @Override
        public long getContentLengthLong() {
            return body != null ? body.length : super.getContentLengthLong();
        }
    }
}
