package com.ailsocialautomation.slack;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.time.Instant;
import java.util.List;

/**
 * What the compose modal carries between opening and submitting, as its private metadata: the command's origin
 * (response_url and when it was issued, as {@link Origin} has them) and the files of a message the shortcut was used on.
 */
record ComposeMetadata(String responseUrl, Instant issuedAt, List<SlackFiles.Ref> files) {
    private static final int MAX_METADATA = 3000;

    ComposeMetadata {
        files = files == null ? List.of() : List.copyOf(files);
    }

    Origin origin() {
        return new Origin(responseUrl, issuedAt);
    }

    /**
     * At most Slack's 3,000 characters of private metadata: when a message's ten files with long names and
     * addresses do not fit, the addresses are left out (files.info gives them back) and the names shortened.
     */
    String encode() {
        String json = write(this);
        return json.length() <= MAX_METADATA ? json : write(new ComposeMetadata(responseUrl, issuedAt, files.stream()
                .map(f -> new SlackFiles.Ref(f.id(), Blocks.cut(f.name(), 40), null)).toList()));
    }

    private static String write(ComposeMetadata metadata) {
        try {
            return Json.MAPPER.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Null when {@code stored} is not what this modal wrote (an origin alone, as older modals carry, is). */
    static ComposeMetadata decode(String stored) {
        if (stored == null || !stored.startsWith("{")) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(stored, ComposeMetadata.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
