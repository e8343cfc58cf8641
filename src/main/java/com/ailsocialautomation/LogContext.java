package com.ailsocialautomation;

import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a log line is about, in the logging context (MDC): the text format shows it after the logger, the JSON
 * format as its {@code mdc} object. Only ids go here, never text, tokens or URLs. A scope restores what was there
 * before when it closes, so a command run inside an HTTP request leaves the request's context as it found it.
 */
public final class LogContext implements AutoCloseable {
    public static final String POST = "post_id";
    public static final String TARGET = "target_id";
    public static final String WORKSPACE = "workspace_id";
    public static final String REQUEST = "request_id";

    private final Map<String, String> previous = new HashMap<>();

    private LogContext() {}

    public static LogContext open() {
        return new LogContext();
    }

    /** Sets {@code key} until this scope closes; a null value sets nothing. */
    public LogContext with(String key, Object value) {
        if (value != null) {
            reserving(key);
            MDC.put(key, value.toString());
        }
        return this;
    }

    /** Restores {@code key} when this scope closes, whoever sets it meanwhile (the caller's workspace, found later). */
    public LogContext reserving(String key) {
        previous.putIfAbsent(key, MDC.get(key));
        return this;
    }

    /** Keeps the request id already in context (a command inside an HTTP request), else starts a new one. */
    public LogContext withRequestId() {
        return MDC.get(REQUEST) != null ? this : with(REQUEST, newId());
    }

    /**
     * A short random id (8 hex digits) for a request or an error that a reply quotes. It only ties log lines
     * together and grants nothing, so it comes from ThreadLocalRandom: SecureRandom, which UUID uses, takes one lock
     * for the whole process, and every request waited on it.
     */
    public static String newId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
