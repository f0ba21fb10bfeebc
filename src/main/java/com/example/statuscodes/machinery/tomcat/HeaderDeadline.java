package com.example.statuscodes.machinery.tomcat;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.coyote.http11.Http11Processor;
import org.apache.juli.logging.Log;
import org.apache.juli.logging.LogFactory;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The request head (request line and header fields) must arrive whole within {@code app.request-header-timeout}
 * (10 s), counted from its first byte; a head still incomplete then is closed. Tomcat 11 bounds only each read of a
 * head ({@code connectionTimeout}, 60 s), so a client sending a byte every 59 s kept its connection for days.
 * <p>
 * The connector runs {@link Protocol}, Tomcat's NIO protocol plus a sweep every half second on Tomcat's utility
 * executor. Only the protocol class is replaced (the factory's protocol setter), so other connector customizers keep
 * working. A connection idle between requests, before any byte of the next head, is left to {@code keepAliveTimeout}.
 * <p>
 * Closed without an answer, as Tomcat closes a head whose read timed out. A 408 would be bytes written by hand to the
 * socket, outside Tomcat's response path (no request was parsed for it to answer), to a client that is still sending:
 * closing then resets the connection, and the reset can erase the answer before the client reads it (RFC 9112,
 * section 9.6), unless the close lingers, reading and discarding, which would hold the connection longer for a
 * client that has already had its time. HAProxy in front answers its own 408 ({@code timeout http-request}).
 * Not caught: a client sending nothing but empty lines before its request line (Tomcat forgets those bytes between
 * reads; {@code connectionTimeout} still bounds each read).
 */
@Component
public class HeaderDeadline implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final Duration timeout;

    HeaderDeadline(@Value("${app.request-header-timeout:10s}") Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            // Not "off": every head that needs a second read would be closed at the next sweep.
            throw new IllegalArgumentException("app.request-header-timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.setProtocol(Protocol.class.getName());
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof Protocol protocol) {
                protocol.setHeaderTimeout(timeout);
            }
        });
    }

    /** Tomcat's NIO protocol with a total deadline for each request head. Public: Tomcat creates it by class name. */
    public static class Protocol extends Http11NioProtocol {

        private static final Log log = LogFactory.getLog(HeaderDeadline.class);
        private static final long SWEEP_MILLIS = 500;

        private volatile long timeoutNanos = TimeUnit.SECONDS.toNanos(10);
        private ScheduledFuture<?> sweeper;

        void setHeaderTimeout(Duration timeout) {
            timeoutNanos = timeout.toNanos();
        }

        @Override
        public void start() throws Exception {
            super.start();
            sweeper = getUtilityExecutor().scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS,
                    TimeUnit.MILLISECONDS);
        }

        @Override
        public void stop() throws Exception {
            if (sweeper != null) {
                sweeper.cancel(false);
            }
            super.stop();
        }

        private void sweep() {
            try {
                closeLateHeads(System.nanoTime());
            } catch (RuntimeException e) {
                // A scheduled task that throws is never run again: log it and keep sweeping.
                log.warn("Header deadline sweep failed", e);
            }
        }

        /**
         * Closes every connection waiting for the rest of a head that started arriving more than the timeout ago.
         * Depends on these Tomcat 11 internals, each a public method:
         * <ul>
         *   <li>a worker holds the connection's lock while it processes it, so a connection whose lock is free waits
         *       in the poller; one being served (its body read, say) is skipped;</li>
         *   <li>{@code Http11Processor.service} keeps the processor on a waiting connection
         *       ({@code getCurrentProcessor()}) only for an async request or an incomplete head (its
         *       {@code readComplete = false}); between requests it is released, so an idle connection has none;</li>
         *   <li>{@code Http11InputBuffer.parseRequestLine} marks the request's start at the head's first byte
         *       ({@code Request.markStartTime()}; -1 after the request is recycled);</li>
         *   <li>{@code processSocket(wrapper, ERROR, …)} is what Tomcat's poller does when a read times out: the
         *       processor answers {@code CLOSED} and the connection is closed.</li>
         * </ul>
         */
        void closeLateHeads(long now) {
            for (SocketWrapperBase<NioChannel> connection : getEndpoint().getConnections()) {
                ReentrantLock lock = connection.getLock();
                if (!lock.tryLock()) {
                    continue;
                }
                try {
                    if (!connection.isClosed() && headStartedBefore(connection.getCurrentProcessor(), now - timeoutNanos)) {
                        getEndpoint().processSocket(connection, SocketEvent.ERROR, false);
                    }
                } finally {
                    lock.unlock();
                }
            }
        }

        private static boolean headStartedBefore(Object processor, long instant) {
            if (!(processor instanceof Http11Processor http11) || http11.isAsync() || http11.isUpgrade()) {
                return false;
            }
            long started = http11.getRequest().getStartTimeNanos();
            return started != -1 && started - instant < 0;
        }
    }
}
