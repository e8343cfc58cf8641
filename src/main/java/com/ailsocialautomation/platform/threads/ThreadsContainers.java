package com.ailsocialautomation.platform.threads;

import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.ailsocialautomation.platform.PublicMedia;
import com.ailsocialautomation.platform.PublishRequest;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Media containers ({@code POST /{user-id}/threads}): Threads fetches each picture or video from the public link
 * AIL gives it, and processes it while the container is IN_PROGRESS; the engine asks about it on later runs
 * until FINISHED. A post with one item is one container holding the text; several items are carousel items whose
 * carousel container is made when the post is published. The link ends as soon as the container is done.
 */
final class ThreadsContainers {
    /** How long Threads may take to fetch an item: a picture comes at once, a video may take minutes. */
    static final Duration IMAGE_LINK = Duration.ofMinutes(10);
    static final Duration VIDEO_LINK = PublicMedia.LONGEST;

    private final ThreadsGraph graph;
    private final PublicMedia publicMedia;

    ThreadsContainers(ThreadsGraph graph, PublicMedia publicMedia) {
        this.graph = graph;
        this.publicMedia = publicMedia;
    }

    /** A container for one item; its payload is the link Threads fetches it from. */
    MediaRef create(Credentials credentials, Media item, PublishRequest post) {
        URI link = publicMedia.grant(item, item.isVideo() ? VIDEO_LINK : IMAGE_LINK);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("media_type", item.isVideo() ? "VIDEO" : "IMAGE");
        params.put(item.isVideo() ? "video_url" : "image_url", link.toString());
        if (post.items().size() > 1) {
            params.put("is_carousel_item", "true");
        } else if (post.text() != null && !post.text().isBlank()) {
            params.put("text", post.text());
        }
        if (item.altText() != null && !item.altText().isBlank()) {
            params.put("alt_text", item.altText());
        }
        try {
            JsonNode created = graph.post("/" + ThreadsProvider.userId(credentials) + "/threads", params,
                    credentials.accessToken(), "creating a media container");
            return new MediaRef(ThreadsAnswers.required(created, "id", "creating a media container"), false, link.toString());
        } catch (RuntimeException e) {
            publicMedia.revoke(link);
            throw e;
        }
    }

    /** Where the container is: IN_PROGRESS (not ready), FINISHED (ready), or a refusal naming Threads' reason. */
    MediaRef status(Credentials credentials, MediaRef container) {
        JsonNode answer = graph.get("/" + container.id(), Map.of("fields", "status,error_message"),
                credentials.accessToken(), "checking the media container");
        String status = answer.path("status").asText("");
        if (status.equals("IN_PROGRESS")) {
            return container;
        }
        if (container.payload() != null) {
            publicMedia.revoke(URI.create(container.payload())); // Threads has the item, or will not get it
        }
        return switch (status) {
            case "FINISHED", "PUBLISHED" -> new MediaRef(container.id(), true, container.payload());
            case "ERROR" -> throw new PlatformError(Kind.PERMANENT, 0, "Threads could not process it ("
                    + answer.path("error_message").asText("no reason given") + ")", null);
            case "EXPIRED" -> throw new PlatformError(Kind.PERMANENT, 0,
                    "its Threads container expired before it was published (Threads keeps them 24 hours)", null);
            default -> throw new PlatformError(Kind.PERMANENT, 0, "Threads answered an unknown container status '"
                    + status + "'", null);
        };
    }

    /**
     * The container the post is published from: a text container, the one item's own, or a carousel of the
     * items. A creation whose answer was lost published nothing, so it is a passing failure, not a lost post.
     */
    String forPost(Credentials credentials, PublishRequest request) {
        if (request.media().size() == 1 && request.replyTo() == null) {
            return request.media().get(0).id();
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (request.media().isEmpty()) {
            params.put("media_type", "TEXT");
        } else {
            params.put("media_type", "CAROUSEL");
            params.put("children", String.join(",", request.media().stream().map(MediaRef::id).toList()));
        }
        if (request.text() != null && !request.text().isBlank()) {
            params.put("text", request.text());
        }
        if (request.replyTo() != null) { // a thread's next part: a reply to the part before it
            params.put("reply_to_id", request.replyTo().parent().externalId());
        }
        try {
            return ThreadsAnswers.required(graph.post("/" + ThreadsProvider.userId(credentials) + "/threads", params,
                    credentials.accessToken(), "creating the post's container"), "id", "creating the post's container");
        } catch (PlatformError e) {
            if (e.kind() == Kind.TRANSIENT && e.mayHaveArrived()) {
                throw new PlatformError(Kind.TRANSIENT, 0, e.getMessage(), null); // an unpublished container posts nothing
            }
            throw e;
        }
    }
}
