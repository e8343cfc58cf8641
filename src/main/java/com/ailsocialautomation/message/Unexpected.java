package com.ailsocialautomation.message;

import com.ailsocialautomation.LogContext;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * How a failure nobody planned for reaches a person: it is logged once, with its stack trace, under a short error
 * id, and the person is shown the same id, so the operator can find the log lines from a screenshot. Inside a
 * request the error id is the request's id, which every log line of that request carries. A {@code UserError} is
 * not unexpected: its own message is the answer.
 */
public final class Unexpected {
    private Unexpected() {}

    /** The current request's id, else a fresh one. */
    public static String id() {
        String request = MDC.get(LogContext.REQUEST);
        return request != null ? request : LogContext.newId();
    }

    /** Logs {@code e} at ERROR as "{what} (error id …)"; returns the id. */
    public static String log(Logger log, String what, Throwable e) {
        String id = id();
        log.error("{} (error id {})", what, id, e);
        return id;
    }

    /** Logs {@code e} and returns the answer that quotes its id. */
    public static Reply reply(Logger log, String what, Throwable e) {
        return Reply.of("Something went wrong on our side (error id " + log(log, what, e) + "). Please try again.");
    }
}
