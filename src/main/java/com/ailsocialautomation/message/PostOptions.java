package com.ailsocialautomation.message;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A post's per-platform options as the person gave them: stored with the post (encrypted: a title and tags are
 * the person's words), shown in previews, and handed to each provider in its publish request. A provider reads
 * the ones its platform declares and ignores the rest; an option nobody gave is null or empty.
 *
 * @param title    a title (YouTube's video title; a webhook receives it), or null
 * @param privacy  who may see the post, or null for the platform's default
 * @param tags     tags without '#', in the order given
 * @param allow    what others may do with the post (TikTok: comments, duet, stitch); none unless named
 * @param disclose commercial content it discloses (TikTok: your brand, branded content)
 */
public record PostOptions(String title, Privacy privacy, List<String> tags, List<Interaction> allow,
                          List<Disclosure> disclose) {
    public static final PostOptions NONE = new PostOptions(null, null, List.of(), List.of(), List.of());

    public PostOptions {
        tags = tags == null ? List.of() : List.copyOf(tags);
        allow = allow == null ? List.of() : List.copyOf(allow);
        disclose = disclose == null ? List.of() : List.copyOf(disclose);
    }

    /** The options that have a value. */
    public Set<PostOption> given() {
        Set<PostOption> given = EnumSet.noneOf(PostOption.class);
        if (title != null) {
            given.add(PostOption.TITLE);
        }
        if (privacy != null) {
            given.add(PostOption.PRIVACY);
        }
        if (!tags.isEmpty()) {
            given.add(PostOption.TAGS);
        }
        if (!allow.isEmpty()) {
            given.add(PostOption.ALLOW);
        }
        if (!disclose.isEmpty()) {
            given.add(PostOption.DISCLOSE);
        }
        return given;
    }

    @JsonIgnore
    public boolean isEmpty() {
        return given().isEmpty();
    }

    /** These options with the ones {@code changes} gives replacing them (an edit changes only what it names). */
    public PostOptions replacedBy(PostOptions changes) {
        Set<PostOption> c = changes.given();
        return new PostOptions(c.contains(PostOption.TITLE) ? changes.title : title,
                c.contains(PostOption.PRIVACY) ? changes.privacy : privacy,
                c.contains(PostOption.TAGS) ? changes.tags : tags,
                c.contains(PostOption.ALLOW) ? changes.allow : allow,
                c.contains(PostOption.DISCLOSE) ? changes.disclose : disclose);
    }

    /** One option's value as a person would type it (tags:launch,spring), or null when it has none. */
    public String value(PostOption option) {
        return switch (option) {
            case TITLE -> title;
            case PRIVACY -> privacy == null ? null : privacy.word();
            case TAGS -> tags.isEmpty() ? null : String.join(",", tags);
            case ALLOW -> words(allow);
            case DISCLOSE -> words(disclose);
        };
    }

    /** The given options as the person typed them, e.g. {@code title:"Spring" privacy:unlisted}. */
    public List<String> typed() {
        List<String> out = new ArrayList<>();
        given().forEach(option -> out.add(typed(option)));
        return out;
    }

    /** One given option as typed: {@code title:"Spring release"}. */
    public String typed(PostOption option) {
        String value = value(option);
        return option.key() + ":" + (value.contains(" ") ? "\"" + value + "\"" : value);
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

    private static String words(List<? extends Worded> values) {
        return values.isEmpty() ? null : values.stream().map(Worded::word).collect(Collectors.joining(","));
    }
}
