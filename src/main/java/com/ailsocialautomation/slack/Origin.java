package com.ailsocialautomation.slack;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a command was made, kept with the post so the reply there can be updated when the post is published:
 * the channel, the message's ts when AIL posted it itself, and the command's {@code response_url}, which Slack
 * accepts for 30 minutes (5 uses).
 */
record Origin(String channel, String ts, String responseUrl, Instant issuedAt) {
    static final Duration RESPONSE_URL_LIFETIME = Duration.ofMinutes(30);

    String encode() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Null when {@code stored} is not an origin this front end wrote. */
    static Origin decode(String stored) {
        if (stored == null || !stored.startsWith("{")) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(stored, Origin.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    boolean responseUrlUsable(Instant now) {
        return responseUrl != null && issuedAt != null && issuedAt.plus(RESPONSE_URL_LIFETIME).isAfter(now);
    }
}
