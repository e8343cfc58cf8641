package com.ailsocialautomation.platform.bluesky;

import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.PlatformError;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns mention facets' handles into DIDs with {@code com.atproto.identity.resolveHandle}. A handle that does not
 * resolve, or cannot be resolved right now, stays plain text, as in Bluesky's own app: a mention is not worth
 * failing a post for.
 */
final class Mentions {
    private final ApiClient api;

    Mentions(ApiClient api) {
        this.api = api;
    }

    List<Facet> resolve(String pds, List<Facet> facets) {
        Map<String, String> dids = new HashMap<>();
        return facets.stream().map(f -> {
            if (f.kind() != Facet.Kind.MENTION) {
                return f;
            }
            String did = dids.computeIfAbsent(f.value().toLowerCase(java.util.Locale.ROOT), handle -> did(pds, handle));
            return did.isEmpty() ? null : f.withValue(did);
        }).filter(Objects::nonNull).toList();
    }

    private String did(String pds, String handle) {
        try {
            ApiResponse response = api.send(ApiRequest.get(pds + "/xrpc/com.atproto.identity.resolveHandle?handle="
                    + URLEncoder.encode(handle, StandardCharsets.UTF_8)));
            String did = response.ok() ? response.json("Bluesky").path("did").asText("") : "";
            return did.startsWith("did:") ? did : "";
        } catch (PlatformError e) {
            return "";
        }
    }
}
