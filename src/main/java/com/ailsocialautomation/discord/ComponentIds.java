package com.ailsocialautomation.discord;

import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.message.Reply;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The custom ids of our buttons and modals. Discord allows 100 characters, so a button carries its workspace, the
 * user it is for and the command layer's action id ({@code b|<workspace>|<user>|retry:p7k2q}): DM buttons keep
 * working days later and after a restart. What does not fit (a form, the options typed before a text modal, a
 * long action id, the files of a message to post) is kept here in memory for an hour under a random key; Discord
 * sends a modal's submission and a button's click to the shard, hence the instance, that showed it.
 */
final class ComponentIds {
    /** What a pressed button stands for. {@code form} is set for a button that opens a form instead of acting. */
    record Pressed(String workspace, String userId, String actionId, Reply.Form form) {}

    /**
     * What a modal stands for: the text of a partly typed command, a form of the command layer, or a message to post
     * ({@code shared}, from "Post with AIL": its files wait here until the form is sent).
     */
    record Pending(String workspace, String userId, ParsedCommand partial, Reply.Form form, SharedMessage shared) {
        Pending(String workspace, String userId, ParsedCommand partial, Reply.Form form) {
            this(workspace, userId, partial, form, null);
        }
    }

    private static final int MAX = 100;
    private static final Duration KEPT = Duration.ofHours(1);
    private static final int CAPACITY = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Kept(Object value, Instant until) {}

    private final Clock clock;
    private final Map<String, Kept> kept = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > CAPACITY;
        }
    };

    ComponentIds(Clock clock) {
        this.clock = clock;
    }

    String button(String workspace, String userId, String actionId) {
        String id = "b|" + workspace + "|" + userId + "|" + actionId;
        return id.length() <= MAX ? id : "k|" + keep(new Pressed(workspace, userId, actionId, null));
    }

    String formButton(String workspace, String userId, Reply.Form form) {
        return "k|" + keep(new Pressed(workspace, userId, null, form));
    }

    String modal(Pending pending) {
        return "m|" + keep(pending);
    }

    Optional<Pressed> button(String customId) {
        if (customId.startsWith("b|")) {
            String[] parts = customId.split("\\|", 4);
            return parts.length == 4 ? Optional.of(new Pressed(parts[1], parts[2], parts[3], null)) : Optional.empty();
        }
        return customId.startsWith("k|") ? find(customId.substring(2), Pressed.class) : Optional.empty();
    }

    Optional<Pending> modal(String customId) {
        return customId.startsWith("m|") ? find(customId.substring(2), Pending.class) : Optional.empty();
    }

    private synchronized String keep(Object value) {
        String key = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        kept.put(key, new Kept(value, clock.instant().plus(KEPT)));
        return key;
    }

    private synchronized <T> Optional<T> find(String key, Class<T> type) {
        Kept found = kept.get(key);
        if (found == null || found.until().isBefore(clock.instant()) || !type.isInstance(found.value())) {
            return Optional.empty();
        }
        return Optional.of(type.cast(found.value()));
    }
}
