package com.ailsocialautomation.slack;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a command was made, kept with the post so the reply there can be updated when the post is published:
 * the command's {@code response_url}, which Slack accepts for 30 minutes (5 uses). Origins stored by earlier
 * versions also name the channel and a message ts; those fields are ignored when read.
 */
record Origin(String responseUrl, Instant issuedAt) {
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
