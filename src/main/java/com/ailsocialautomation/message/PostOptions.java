package com.ailsocialautomation.message;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A post's per-platform options as the person gave them: stored with the post (encrypted: a title, tags, a comment
 * and per-target texts are the person's words), shown in previews, and handed to each provider in its publish
 * request. A provider reads the ones its platform declares and ignores the rest; an option nobody gave is null or
 * empty.
 *
 * @param title    a title (YouTube's video title; a webhook receives it), or null
 * @param privacy  who may see the post, or null for the platform's default
 * @param tags     tags without '#', in the order given
 * @param allow    what others may do with the post (TikTok: comments, duet, stitch); none unless named
 * @param disclose commercial content it discloses (TikTok: your brand, branded content)
 * @param comment  a first comment published after the post (text.&lt;platform&gt;: does not change it), or null
 * @param texts    per-target texts ({@code text.x:"..."}): a platform's own text replaces the post's text for its
 *                 targets, everywhere the text counts (validation, preview, publishing)
 */
public record PostOptions(String title, Privacy privacy, List<String> tags, List<Interaction> allow,
                          List<Disclosure> disclose, String comment, Map<PlatformId, String> texts) {
    public static final PostOptions NONE = new PostOptions(null, null, List.of(), List.of(), List.of());

    @JsonCreator
    public PostOptions {
        tags = tags == null ? List.of() : List.copyOf(tags);
        allow = allow == null ? List.of() : List.copyOf(allow);
        disclose = disclose == null ? List.of() : List.copyOf(disclose);
        texts = texts == null || texts.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(texts));
    }

    /** Options without a comment or per-target texts. */
    public PostOptions(String title, Privacy privacy, List<String> tags, List<Interaction> allow, List<Disclosure> disclose) {
        this(title, privacy, tags, allow, disclose, null, Map.of());
    }

    /** The options that have a value (per-target texts are not among them: see {@link #texts}). */
    public Set<PostOption> given() {
        Set<PostOption> given = EnumSet.noneOf(PostOption.class);
        for (PostOption option : PostOption.values()) {
            if (value(option) != null) {
                given.add(option);
            }
        }
        return given;
    }

    @JsonIgnore
    public boolean isEmpty() {
        return given().isEmpty() && texts.isEmpty();
    }

    /** The text a target on {@code platform} publishes: its own when it has one, else {@code text}. */
    public String textFor(PlatformId platform, String text) {
        return texts.getOrDefault(platform, text);
    }

    /**
     * These options with the ones {@code changes} gives replacing them (an edit changes only what it names); a
     * per-target text it gives replaces that platform's alone.
     */
    public PostOptions replacedBy(PostOptions changes) {
        Set<PostOption> c = changes.given();
        Map<PlatformId, String> merged = new EnumMap<>(PlatformId.class);
        merged.putAll(texts);
        merged.putAll(changes.texts);
        return new PostOptions(c.contains(PostOption.TITLE) ? changes.title : title,
                c.contains(PostOption.PRIVACY) ? changes.privacy : privacy,
                c.contains(PostOption.TAGS) ? changes.tags : tags,
                c.contains(PostOption.ALLOW) ? changes.allow : allow,
                c.contains(PostOption.DISCLOSE) ? changes.disclose : disclose,
                c.contains(PostOption.COMMENT) ? changes.comment : comment, merged);
    }

    /** One option's value as a person would type it (tags:launch,spring), or null when it has none. */
    public String value(PostOption option) {
        return switch (option) {
            case TITLE -> title;
            case PRIVACY -> privacy == null ? null : privacy.word();
            case TAGS -> tags.isEmpty() ? null : String.join(",", tags);
            case ALLOW -> words(allow);
            case DISCLOSE -> words(disclose);
            case COMMENT -> comment;
        };
    }

    /** The given options as the person typed them, e.g. {@code title:"Spring" privacy:unlisted text.x:"Short"}. */
    public List<String> typed() {
        List<String> out = new ArrayList<>();
        given().forEach(option -> out.add(typed(option)));
        texts.forEach((platform, text) -> out.add(typed(textKey(platform), text)));
        return out;
    }

    /** One given option as typed: {@code title:"Spring release"}. */
    public String typed(PostOption option) {
        return typed(option.key(), value(option));
    }

    /** The key of a platform's own text: {@code text.x}; null for the family, {@code text.<platform>}. */
    public static String textKey(PlatformId platform) {
        return "text." + (platform == null ? "<platform>" : platform.id());
    }

    /** The form the store keeps (encrypted). */
    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("post options are plain values", e);
        }
    }

    public static PostOptions fromJson(String json) {
        try {
            return json == null ? NONE : Json.MAPPER.readValue(json, PostOptions.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored post options do not read as post options", e);
        }
    }

    private static String typed(String key, String value) {
        return key + ":" + (value.contains(" ") || value.contains("\n") || value.contains("\"")
                ? "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : value);
    }

    private static String words(List<? extends Worded> values) {
        return values.isEmpty() ? null : values.stream().map(Worded::word).collect(Collectors.joining(","));
    }
}
