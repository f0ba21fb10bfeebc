package com.example.statuscodes.machinery.ops;

import com.example.statuscodes.errors.RequestId;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Buys one id per request across the response, the problem body and every log line, and one access-log line per
 * request, for operations. First of all filters, before anything that can answer (the body-size guard, the security chain, the limiter):
 * settles the request's id ({@link RequestId}: a safe {@code X-Request-Id} is kept, otherwise one is generated),
 * sends it back as {@code X-Request-Id}, puts it in the MDC for every log line of the request, and writes the
 * access-log line (logger {@code access}: method, path, status, duration; the id comes from the MDC) once the
 * response is done. The server's metrics observation comes next (see {@link RequestBodySizeFilter}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    private static final Logger access = LoggerFactory.getLogger("access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = RequestId.of(request);
        // The container's error dispatch (an exception escaped a filter): same request, same id, no second line.
        boolean errorDispatch = request.getDispatcherType() == DispatcherType.ERROR;
        if (!errorDispatch) {
            response.setHeader(RequestId.HEADER, id);
        }
        long start = System.nanoTime();
        MDC.put(RequestId.MDC_KEY, id);
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (!errorDispatch && access.isInfoEnabled()) {
                access.info("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), sentStatus(response, failed),
                        (System.nanoTime() - start) / 1_000_000);
            }
            MDC.remove(RequestId.MDC_KEY);
        }
    }

    /**
     * The status the client got, the one the metrics count too: an exception escaping the chain becomes the
     * container's 500 only while the response is uncommitted. Once the status went out (a client that went away
     * while its 400 was written), that status stands.
     */
    static int sentStatus(HttpServletResponse response, boolean failed) {
        return failed && !response.isCommitted() ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus();
    }

    /** Also on the error dispatch, so the 500 logged there carries the id too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
