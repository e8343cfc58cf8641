package com.ailsocialautomation.slack;

import com.slack.api.app_backend.slash_commands.SlashCommandPayloadDetector;
import com.slack.api.app_backend.util.JsonPayloadExtractor;
import com.slack.api.bolt.util.SlackRequestParser;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * How Bolt tells a slash command from an interaction, with the same answers but without its cost: its own detectors
 * split the whole form, run a regular expression and URL-decode every field, twice per request, to find one key. Here
 * a key is compared where it stands and decoded only when it holds an escape, a space or a line break, normalised as
 * Bolt does (trimmed, line breaks removed), and, as Bolt does, a field counts only with exactly one value. A form with an interaction {@code payload}, and any JSON body, still go
 * to Bolt's extractor, which returns the payload.
 */
final class FormSniffing {
    private FormSniffing() {}

    static void install(SlackRequestParser parser) {
        parser.setJsonPayloadExtractor(new JsonPayloadExtractor() {
            @Override
            public String extractIfExists(String body) {
                if (body != null && !body.trim().startsWith("{") && !hasKey(body, "payload")) {
                    return null;
                }
                return super.extractIfExists(body);
            }
        });
        parser.setCommandRequestDetector(new SlashCommandPayloadDetector() {
            @Override
            public boolean isCommand(String body) {
                return body != null && hasKey(body, "command");
            }
        });
    }

    /** Whether the URL-encoded {@code form} has a field named {@code name}. */
    static boolean hasKey(String form, String name) {
        int start = 0;
        while (true) {
            int amp = form.indexOf('&', start);
            int end = amp < 0 ? form.length() : amp;
            int eq = form.indexOf('=', start);
            // Bolt counts a field only when splitting it at '=' gives exactly a key and a value
            if (eq >= 0 && eq < end && keyIs(form, start, eq, name) && form.substring(start, end).split("=").length == 2) {
                return true;
            }
            if (amp < 0) {
                return false;
            }
            start = amp + 1;
        }
    }

    private static boolean keyIs(String form, int from, int to, String name) {
        if (to - from == name.length() && form.regionMatches(from, name, 0, name.length())) {
            return true;
        }
        for (int i = from; i < to; i++) {
            char c = form.charAt(i);
            if (c == '%' || c == '+' || c <= ' ') {
                String key = form.substring(from, to).trim().replace("\n", "");
                return name.equals(URLDecoder.decode(key, StandardCharsets.UTF_8));
            }
        }
        return false;
    }
}
