package com.ailsocialautomation.fakes;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.fakes.LoopbackApi.Answer;
import com.ailsocialautomation.fakes.LoopbackApi.Received;
import com.ailsocialautomation.fakes.FakeMastodon.Token;
import com.ailsocialautomation.fakes.FakeMastodon.Upload;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /api/v1/statuses} of {@link FakeMastodon}, with the Idempotency-Key as Mastodon keeps it. */
final class FakeMastodonStatuses {
    private static final java.util.Set<String> VISIBILITIES = java.util.Set.of("public", "unlisted", "private", "direct");
    private FakeMastodonStatuses() {}

    static JsonNode find(FakeMastodon m, String id) {
        return m.statuses.stream().filter(st -> st.path("id").asText().equals(id)).findFirst().orElse(null);
    }

    /** Public and unlisted statuses are visible to every account; followers-only and direct ones to their author here. */
    private static boolean visibleTo(JsonNode status, FakeMastodon.User user) {
        String visibility = status.path("visibility").asText();
        return visibility.equals("public") || visibility.equals("unlisted") || status.path("account").path("id").asText().equals(user.id());
    }

    static Answer post(FakeMastodon m, Token token, Received r) {
        String type = r.header("Content-Type");
        String text;
        String visibility;
        String inReplyTo;
        List<String> mediaIds = new ArrayList<>();
        if (type != null && type.startsWith("application/json")) {
            JsonNode body;
            try {
                body = Json.MAPPER.readTree(r.body());
            } catch (IOException e) {
                return FakeMastodon.error(400, "Error occurred while parsing request parameters.");
            }
            text = body.path("status").asText("");
            visibility = body.path("visibility").asText(null);
            inReplyTo = body.path("in_reply_to_id").isNull() ? null : body.path("in_reply_to_id").asText(null);
            body.path("media_ids").forEach(id -> mediaIds.add(id.asText()));
        } else if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            Map<String, String> form = r.form();
            text = form.getOrDefault("status", "");
            visibility = form.get("visibility");
            inReplyTo = form.get("in_reply_to_id");
            // every media_ids[] value counts, in order, as Rails reads a repeated array parameter
            for (String pair : r.text().split("&")) {
                String name = java.net.URLDecoder.decode(pair.substring(0, Math.max(0, pair.indexOf('='))), java.nio.charset.StandardCharsets.UTF_8);
                if (name.equals("media_ids[]")) {
                    mediaIds.add(java.net.URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        } else {
            text = ""; // Rails reads no parameters from another type: the status is blank
            visibility = null;
            inReplyTo = null;
        }
        if (visibility != null && !VISIBILITIES.contains(visibility)) {
            return FakeMastodon.error(422, "Validation failed: Visibility is not included in the list");
        }
        String key = r.header("Idempotency-Key");
        synchronized (m) {
            FakeMastodon.Remembered earlier = key == null ? null : m.idempotent.get(token.user().id() + "|" + key);
            if (earlier != null && earlier.at().isAfter(m.now().minus(java.time.Duration.ofHours(1)))) {
                return new Answer(200, Map.of("Content-Type", "application/json; charset=utf-8"), earlier.status());
            }
            JsonNode thread = inReplyTo == null || inReplyTo.isEmpty() ? null : find(m, inReplyTo);
            if (inReplyTo != null && !inReplyTo.isEmpty() && (thread == null || !visibleTo(thread, token.user()))) {
                // StatusesController#create: a missing status and one the account may not see answer alike
                return FakeMastodon.error(404, "The post you are trying to reply to does not appear to exist.");
            }
            if (text.isBlank() && mediaIds.isEmpty()) {
                return FakeMastodon.error(422, "Validation failed: Text can't be blank");
            }
            if (text.codePointCount(0, text.length()) > m.maxCharacters) {
                return FakeMastodon.error(422, "Validation failed: Text character limit of " + m.maxCharacters + " exceeded");
            }
            if (mediaIds.size() > 4) {
                return FakeMastodon.error(422, "Cannot attach more than 4 files");
            }
            for (String id : mediaIds) {
                Upload upload = m.uploads.get(id);
                if (upload == null || !upload.owner.id().equals(token.user().id())) {
                    return FakeMastodon.error(404, "Record not found");
                }
                if (!upload.ready()) {
                    return FakeMastodon.error(422, "Cannot attach files that have not finished processing. Try again in a moment!");
                }
            }
            String id = Long.toString(m.ids.incrementAndGet());
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("id", id);
            status.put("created_at", Instant.now().toString());
            status.put("content", "<p>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>");
            status.put("visibility", visibility == null ? "public" : visibility); // the account's default here is public
            status.put("in_reply_to_id", thread == null ? null : thread.path("id").asText());
            status.put("in_reply_to_account_id", thread == null ? null : thread.path("account").path("id").asText());
            status.put("account", Map.of("id", token.user().id(), "username", token.user().username(), "acct", token.user().username()));
            status.put("uri", m.url() + "/users/" + token.user().username() + "/statuses/" + id);
            status.put("url", m.url() + "/@" + token.user().username() + "/" + id);
            status.put("media_attachments", mediaIds.stream().map(mid -> {
                Upload upload = m.uploads.get(mid);
                Map<String, Object> attachment = new LinkedHashMap<>();
                attachment.put("id", mid);
                attachment.put("type", upload.mimeType.startsWith("video/") ? "video" : "image");
                attachment.put("description", upload.description);
                return attachment;
            }).toList());
            status.put("text_sent", text); // not Mastodon's: lets tests read what arrived without parsing HTML
            Answer answer = FakeMastodon.json(200, status);
            m.statuses.add(Json.MAPPER.valueToTree(status));
            if (key != null) {
                m.idempotent.put(token.user().id() + "|" + key, new FakeMastodon.Remembered(answer.body(), m.now()));
            }
            return answer;
        }
    }
}
