package com.ailsocialautomation.message;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.ailsocialautomation.LogContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The person and the operator see the same error id: the reply quotes what the ERROR line (with its stack) logs. */
class UnexpectedTest {
    private static final Pattern QUOTED = Pattern.compile(
            "^Something went wrong on our side \\(error id ([0-9a-f]{8})\\)\\. Please try again\\.$");
    final Logger logger = (Logger) LoggerFactory.getLogger(UnexpectedTest.class);
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(logged);
    }

    @Test
    void theReplyQuotesTheIdTheErrorLineCarriesWithItsStackTrace() {
        IllegalStateException bug = new IllegalStateException("a bug in a handler");
        Reply reply = Unexpected.reply(logger, "A command failed", bug);
        Matcher m = QUOTED.matcher(reply.text());
        assertTrue(m.matches(), reply.text());
        ILoggingEvent line = logged.list.get(0);
        assertEquals(Level.ERROR, line.getLevel());
        assertEquals("A command failed (error id " + m.group(1) + ")", line.getFormattedMessage());
        assertSame(bug, ((ch.qos.logback.classic.spi.ThrowableProxy) line.getThrowableProxy()).getThrowable());
        assertTrue(reply.ephemeral(), "only the person who hit it sees it");
    }

    @Test
    void insideARequestTheErrorIdIsTheRequestsIdElseEachFailureGetsItsOwn() {
        String inside;
        String requestId;
        try (LogContext ignored = LogContext.open().withRequestId()) {
            requestId = org.slf4j.MDC.get(LogContext.REQUEST);
            inside = Unexpected.log(logger, "Request GET /x failed", new RuntimeException());
        }
        assertEquals(requestId, inside, "every log line of the request carries the id the person quotes");
        String first = Unexpected.id();
        String second = Unexpected.id();
        assertTrue(first.matches("[0-9a-f]{8}") && second.matches("[0-9a-f]{8}"), first + " " + second);
        assertNotEquals(first, second);
    }
}
