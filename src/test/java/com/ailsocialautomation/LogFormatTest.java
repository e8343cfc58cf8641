package com.ailsocialautomation;

import ch.qos.logback.classic.Logger;
import com.ailsocialautomation.testing.LogFormats;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What AIL_LOG_FORMAT gives an operator, through the shipped logback.xml: dated text lines, or JSON lines with the context. */
class LogFormatTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("com.ailsocialautomation.engine.Publisher");

    @org.junit.jupiter.api.BeforeEach
    void noContextLeftByEarlierTests() {
        org.slf4j.MDC.clear(); // JDA, started on this thread by an earlier test class, leaves its shard in the MDC
    }

    private List<String> log(Runnable work) {
        LogFormats.Lines lines = new LogFormats.Lines();
        lines.start();
        logger.addAppender(lines);
        try {
            work.run();
        } finally {
            logger.detachAppender(lines);
        }
        return lines.all();
    }

    @Test
    void textLinesCarryDateTimeAndZoneAndTheContextAfterTheLogger() {
        List<String> lines = log(() -> {
            logger.info("Before");
            try (LogContext context = LogContext.open().with(LogContext.WORKSPACE, "w-1").with(LogContext.TARGET, "t-2")
                    .with(LogContext.POST, "p3ph9")) {
                logger.warn("Attempt on webhook: transient (HTTP 503) after 12 ms");
            }
        });
        assertTrue(lines.get(0).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) INFO  c\\.a\\.engine\\.Publisher - Before\\R"),
                lines.get(0));
        String contextual = lines.get(2);
        assertTrue(contextual.contains(" WARN  c.a.engine.Publisher ["), contextual);
        assertTrue(contextual.contains("post_id=p3ph9") && contextual.contains("target_id=t-2") && contextual.contains("workspace_id=w-1"), contextual);
        assertTrue(contextual.endsWith("] - Attempt on webhook: transient (HTTP 503) after 12 ms" + System.lineSeparator()), contextual);
    }

    @Test
    void jsonLinesAreOneObjectPerLineWithTheFormattedMessageAndTheContext() throws Exception {
        List<String> lines = log(() -> {
            try (LogContext context = LogContext.open().withRequestId().with(LogContext.WORKSPACE, "w-1")) {
                logger.error("A command failed (error id {})", "ab12cd34", new IllegalStateException("boom"));
            }
            logger.info("After");
        });
        String json = lines.get(1);
        assertEquals(1, json.strip().lines().count(), "one line: " + json);
        JsonNode event = Json.MAPPER.readTree(json);
        assertEquals("ERROR", event.path("level").asText());
        assertEquals("A command failed (error id ab12cd34)", event.path("formattedMessage").asText());
        assertEquals("w-1", event.path("mdc").path("workspace_id").asText());
        assertEquals(8, event.path("mdc").path("request_id").asText().length());
        assertEquals("java.lang.IllegalStateException", event.path("throwable").path("className").asText());
        assertTrue(event.path("timestamp").asLong() > 1_700_000_000_000L);
        JsonNode after = Json.MAPPER.readTree(lines.get(3));
        assertEquals(0, after.path("mdc").size(), "the context ended with its scope: " + lines.get(3));
    }
}
