package com.ailsocialautomation.platform.linkedin;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The body of {@code POST /rest/posts}: a public member post with one media item, or several images. */
final class LinkedInPost {
    private LinkedInPost() {}

    static ObjectNode json(String author, String text, List<MediaRef> media) {
        ObjectNode post = Json.MAPPER.createObjectNode()
                .put("author", author)
                .put("commentary", Commentary.escape(text == null ? "" : text))
                .put("visibility", "PUBLIC");
        ObjectNode distribution = post.putObject("distribution").put("feedDistribution", "MAIN_FEED");
        distribution.putArray("targetEntities");
        distribution.putArray("thirdPartyDistributionChannels");
        post.put("lifecycleState", "PUBLISHED").put("isReshareDisabledByAuthor", false);
        if (media.size() == 1) {
            describe(post.putObject("content").putObject("media").put("id", media.get(0).id()), media.get(0));
        } else if (media.size() > 1) {
            if (media.stream().anyMatch(m -> !m.id().startsWith("urn:li:image:"))) {
                throw new PlatformError(Kind.PERMANENT, 0, "LinkedIn takes several images or one video in a post, not a mix", null);
            }
            ArrayNode images = post.putObject("content").putObject("multiImage").putArray("images");
            media.forEach(m -> describe(images.addObject().put("id", m.id()), m));
        }
        return post;
    }

    /** The alt text LinkedInMedia kept in the ref's payload. */
    private static void describe(ObjectNode item, MediaRef ref) {
        if (ref.payload() != null && !ref.payload().isBlank()) {
            item.put("altText", ref.payload());
        }
    }
}
