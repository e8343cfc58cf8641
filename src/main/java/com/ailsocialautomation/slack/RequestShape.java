package com.ailsocialautomation.slack;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What a correctly signed request must look like before Bolt sees it: a form that decodes, an interaction payload that
 * is a JSON object naming its user, a slash command naming its user and team, an Events API body that is JSON. A
 * request that is not is answered 400 and logged in one line that never quotes the body.
 */
final class RequestShape {
    private static final Logger log = LoggerFactory.getLogger(RequestShape.class);

    private RequestShape() {}

    /** Why {@code body} is not a request Slack sends, or null when it could be. */
    static String problem(String contentType, String body) {
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return object(body) == null ? "the body is not a JSON object" : null;
        }
        Map<String, String> form;
        try {
            form = form(body);
        } catch (IllegalArgumentException e) {
            return "the form is not URL-encoded";
        }
        if (form.containsKey("payload")) {
            JsonNode payload = object(form.get("payload"));
            if (payload == null) {
                return "the payload is not a JSON object";
            }
            if (!payload.path("type").isTextual()) {
                return "the payload has no type";
            }
            return blank(payload.path("user").path("id").asText(null)) ? "the payload names no user" : null;
        }
        if (form.containsKey("command")) {
            if (blank(form.get("user_id"))) {
                return "the command names no user";
            }
            return blank(form.get("team_id")) ? "the command names no team" : null;
        }
        return null;
    }

    /** The one log line of a refusal: the reason, never the body. */
    static void refused(String reason) {
        log.info("Refused a malformed Slack request: {}", reason);
    }

    private static JsonNode object(String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            return node != null && node.isObject() ? node : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            form.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
