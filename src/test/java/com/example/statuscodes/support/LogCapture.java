package com.example.statuscodes.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The log lines a test provokes on purpose, kept off the console and handed to the test to assert instead. While
 * the test runs, the named loggers write to this capture only (not to the console), so an intended 500 prints no
 * stack trace into the build, while a 500 that no test expects still does. Each captured event is rendered by the
 * console appender's own encoder: {@link #lines()} is exactly what production would print, stack trace included.
 * <p>
 * Register it with {@code @RegisterExtension} on an instance field (per test) or a static one (per class, e.g. to
 * see a context start), or around a few lines: {@code try (LogCapture log = LogCapture.of(Problems.class).start())}.
 * Levels, additivity and appenders are put back afterwards: Logback is one per JVM.
 */
public final class LogCapture
        implements BeforeEachCallback, AfterEachCallback, BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private final Map<String, Level> loggers = new LinkedHashMap<>(); // null level: as configured
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private Encoder<ILoggingEvent> console;
    private boolean wholeClass;

    private LogCapture() {
    }

    /** These loggers at their configured level: what they would print in production. */
    public static LogCapture of(Class<?>... loggers) {
        LogCapture capture = new LogCapture();
        for (Class<?> logger : loggers) {
            capture.loggers.put(logger.getName(), null);
        }
        return capture;
    }

    /** These loggers (a name, or {@link org.slf4j.Logger#ROOT_LOGGER_NAME} for everything) at their configured level. */
    public static LogCapture of(String... loggers) {
        LogCapture capture = new LogCapture();
        for (String logger : loggers) {
            capture.loggers.put(logger, null);
        }
        return capture;
    }

    /** Also this logger, at this level, e.g. the access log, which the test profile keeps at WARN. */
    public LogCapture and(String logger, Level level) {
        loggers.put(logger, level);
        return this;
    }

    /** Each captured event as the console prints it: one string per event, with its stack trace if it has one. */
    public List<String> lines() {
        return events.stream().map(event -> new String(console.encode(event), StandardCharsets.UTF_8).stripTrailing())
                .toList();
    }

    /** The captured events that contain this text. */
    public List<String> linesContaining(String text) {
        return lines().stream().filter(line -> line.contains(text)).toList();
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(events);
    }

    /** Called only when registered on a static field: then the capture spans the class (and its context's start). */
    @Override
    public void beforeAll(ExtensionContext context) {
        wholeClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!wholeClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!wholeClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Captures from now until {@link #close()}. */
    public LogCapture start() {
        events.clear();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        console = consoleEncoder(root);
        Appender<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                event.prepareForDeferredProcessing(); // the MDC (request id) and the message, as they were then
                events.add(event);
            }
        };
        capture.setContext(context);
        capture.setName("test-capture");
        capture.start();
        loggers.forEach((name, level) -> {
            Logger logger = context.getLogger(name);
            Level levelBefore = logger.getLevel();
            if (logger == root) {
                List<Appender<ILoggingEvent>> detached = new ArrayList<>();
                root.iteratorForAppenders().forEachRemaining(detached::add);
                detached.forEach(root::detachAppender);
                undo.push(() -> detached.forEach(root::addAppender));
            } else {
                boolean additive = logger.isAdditive();
                logger.setAdditive(false);
                undo.push(() -> logger.setAdditive(additive));
            }
            logger.addAppender(capture);
            undo.push(() -> logger.detachAppender(capture));
            if (level != null) {
                logger.setLevel(level);
                undo.push(() -> logger.setLevel(levelBefore));
            }
        });
        undo.push(capture::stop);
        return this;
    }

    @Override
    public void close() {
        stop();
    }

    private void stop() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    @SuppressWarnings("unchecked")
    private static Encoder<ILoggingEvent> consoleEncoder(Logger root) {
        for (var appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
            if (appenders.next() instanceof OutputStreamAppender<?> console) {
                return (Encoder<ILoggingEvent>) console.getEncoder();
            }
        }
        throw new IllegalStateException("No console appender on the root logger to render the captured lines with");
    }
}
