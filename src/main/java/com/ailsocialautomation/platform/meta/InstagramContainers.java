package com.ailsocialautomation.platform.meta;

import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PublicMedia;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instagram's media containers (Content Publishing guide): Meta fetches each item from AIL's public media link
 * itself, so a container is made with {@code image_url} or {@code video_url} and then processes until its
 * {@code status_code} is FINISHED (or ERROR, or EXPIRED after 24 hours). A post of one item is one container carrying
 * the caption (a video is a reel); a carousel's items are containers marked {@code is_carousel_item}, without caption,
 * gathered later by a CAROUSEL container. The engine polls the status as scheduled work; the link is revoked as soon
 * as Meta has the item.
 */
final class InstagramContainers {
    /** How long Meta may take to fetch an item: a large video can take minutes to download. */
    static final Duration LINK_LIFETIME = Duration.ofMinutes(30);

    private final MetaGraph graph;
    private final MetaAnswers answers;
    private final PublicMedia publicMedia;

    InstagramContainers(MetaGraph graph, MetaAnswers answers, PublicMedia publicMedia) {
        this.graph = graph;
        this.answers = answers;
        this.publicMedia = publicMedia;
    }

    /** A container for {@code item}: the whole post ({@code caption} non-null) or one carousel item (null). */
    MediaRef create(Credentials credentials, Media item, String caption, boolean carouselItem) {
        URI link = publicMedia.grant(item, LINK_LIFETIME);
        Map<String, String> form = new LinkedHashMap<>();
        if (item.isVideo()) {
            form.put("media_type", carouselItem ? "VIDEO" : "REELS"); // a single feed video is published as a reel
            form.put("video_url", link.toString());
        } else {
            form.put("image_url", link.toString());
            if (item.altText() != null && !item.altText().isBlank()) {
                form.put("alt_text", item.altText());
            }
        }
        if (carouselItem) {
            form.put("is_carousel_item", "true");
        } else if (caption != null && !caption.isEmpty()) {
            form.put("caption", caption);
        }
        String doing = "preparing " + item.fileName();
        JsonNode made;
        try {
            made = graph.post("/" + credentials.accountId() + "/media", form, credentials.accessToken(), answers, doing);
        } catch (PlatformError e) {
            publicMedia.revoke(link);
            throw e;
        }
        return new MediaRef(MetaAnswers.required(made, "id", "Instagram", doing), false, link.toString());
    }

    /** The carousel container gathering {@code children}, which must all be FINISHED. */
    String carousel(Credentials credentials, List<MediaRef> children, String caption) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("media_type", "CAROUSEL");
        form.put("children", String.join(",", children.stream().map(MediaRef::id).toList()));
        if (caption != null && !caption.isEmpty()) {
            form.put("caption", caption);
        }
        JsonNode made = graph.post("/" + credentials.accountId() + "/media", form, credentials.accessToken(), answers, "preparing the carousel");
        return MetaAnswers.required(made, "id", "Instagram", "preparing the carousel");
    }

    /** The container's status: ready when FINISHED (its link revoked), still processing, or a PERMANENT error naming why. */
    MediaRef status(Credentials credentials, MediaRef container) {
        String code = statusCode(credentials, container.id());
        if (code.equals("IN_PROGRESS")) {
            return container;
        }
        if (container.payload() != null) {
            publicMedia.revoke(URI.create(container.payload())); // Meta has fetched it, or never will
        }
        return new MediaRef(container.id(), true, null);
    }

    /** IN_PROGRESS or FINISHED; ERROR and EXPIRED are PERMANENT errors with Instagram's reason. */
    String statusCode(Credentials credentials, String containerId) {
        JsonNode answer = graph.get("/" + containerId + "?fields=status_code,status", credentials.accessToken(), answers,
                "checking the upload");
        String code = answer.path("status_code").asText("");
        return switch (code) {
            case "IN_PROGRESS", "FINISHED", "PUBLISHED" -> code.equals("IN_PROGRESS") ? code : "FINISHED";
            case "EXPIRED" -> throw new PlatformError(PlatformError.Kind.PERMANENT, 0, "Instagram let the prepared upload "
                    + "expire (after 24 hours) before it was published; Retry prepares it again", null);
            case "ERROR" -> throw new PlatformError(PlatformError.Kind.PERMANENT, 0, "Instagram could not process it: "
                    + answer.path("status").asText("no reason given"), null);
            default -> throw MetaGraph.missing("Instagram", "how the upload is going (status_code " + code + ")");
        };
    }
}
