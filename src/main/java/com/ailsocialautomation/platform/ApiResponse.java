package com.ailsocialautomation.platform;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A platform's HTTP answer. */
public record ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The first value of a header, matched case-insensitively, or null. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    public String text() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The platform's own words: the first non-blank text at these JSON pointers (e.g. {@code /errors/0/message}),
     * stripped; null when there is none or the body is not JSON.
     */
    public String firstText(String... pointers) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(this.body == null ? new byte[0] : this.body);
        } catch (IOException e) {
            return null;
        }
        if (body == null) {
            return null;
        }
        for (String pointer : pointers) {
            JsonNode value = body.at(pointer);
            if (value.isTextual() && !value.asText().isBlank()) {
                return value.asText().strip();
            }
        }
        return null;
    }

    /** A platform's message as people get it in a DM or a log line: at most 300 characters. */
    public static String shorten(String text) {
        return text == null || text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }

    private static final int MAX_MESSAGE = 300;

    /**
     * The body as JSON. A body that is not JSON is a PERMANENT error naming the platform, so a malformed answer
     * fails the target with a clear message instead of crashing the engine.
     */
    public JsonNode json(String platform) {
        try {
            JsonNode node = Json.MAPPER.readTree(body == null ? new byte[0] : body);
            if (node == null || node.isMissingNode()) {
                throw new IOException("empty body");
            }
            return node;
        } catch (IOException e) {
            throw new PlatformError(PlatformError.Kind.PERMANENT, status,
                    platform + " sent an answer AIL could not read (HTTP " + status + ")", null);
        }
    }
}
