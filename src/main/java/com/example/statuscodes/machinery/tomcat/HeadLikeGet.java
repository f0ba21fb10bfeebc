package com.example.statuscodes.machinery.tomcat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * {@code HEAD} wherever {@code GET} works (RFC 9110 §9.3.2), with GET's status and headers and no body. Tomcat's
 * {@code HttpServlet} answers HEAD as GET, but only inside a servlet: a filter that answers a GET itself and matches the
 * method (Spring Security's RFC 9728 metadata on {@code /.well-known/oauth-protected-resource}) let a HEAD through to
 * MVC's 404. So, before every filter that can answer (just before {@code errors.KnownMethods} and the security chain),
 * a HEAD goes on as a GET: same access rules, same limits, same answer; its body is counted, not sent, and its length
 * becomes the {@code Content-Length} a GET would have had. The access log and the metrics, earlier, still see HEAD.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 3) // just before errors.KnownMethods
class HeadLikeGet extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"HEAD".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        BodyCounted counted = new BodyCounted(response);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }
        }, counted);
        counted.finish();
    }

    /** A response whose body is counted and dropped; flushing it does not commit it before its length is known. */
    private static final class BodyCounted extends HttpServletResponseWrapper {

        private final Counter counter = new Counter();
        private PrintWriter writer;
        private boolean errorSent;

        BodyCounted(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return counter;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(counter, Charset.forName(getCharacterEncoding())));
            }
            return writer;
        }

        /** The container's error page answers it, with a length of its own. */
        @Override
        public void sendError(int status, String message) throws IOException {
            errorSent = true;
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            errorSent = true;
            super.sendError(status);
        }

        @Override
        public void flushBuffer() {
            // Nothing is buffered here, and committing now would send the head without the body's length.
        }

        /** A body started and then dropped (MVC does it before rendering an error) no longer counts. */
        @Override
        public void resetBuffer() {
            super.resetBuffer();
            forget();
        }

        @Override
        public void reset() {
            super.reset();
            forget();
        }

        private void forget() {
            counter.count = 0;
            writer = null;
        }

        void finish() {
            if (writer != null) {
                writer.flush();
            }
            int status = getStatus();
            boolean bodiless = status == HttpServletResponse.SC_NO_CONTENT || status == HttpServletResponse.SC_NOT_MODIFIED;
            if (!errorSent && !bodiless && !isCommitted() && !containsHeader(HttpHeaders.CONTENT_LENGTH)) {
                setContentLengthLong(counter.count);
            }
        }
    }

    private static final class Counter extends ServletOutputStream {

        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("HEAD is answered synchronously");
        }
    }
}
