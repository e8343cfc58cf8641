package com.ailsocialautomation.slack;

import com.ailsocialautomation.message.Reply;
import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers through a {@code response_url}: the way to reply after the 3-second ack, from a slash command, a button
 * or a modal. Slack takes five answers per URL within 30 minutes.
 */
final class ResponseUrl {
    private static final Logger log = LoggerFactory.getLogger(ResponseUrl.class);
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private final Slack slack;

    ResponseUrl(Slack slack) {
        this.slack = slack;
    }

    /** Posts {@code reply}: ephemeral or for the channel as the reply says; {@code replaceOriginal} edits the message the URL came from. */
    boolean post(String url, Reply reply, boolean replaceOriginal) {
        return post(url, Blocks.fallback(reply), Blocks.message(reply), reply.ephemeral(), replaceOriginal);
    }

    boolean post(String url, String text, List<LayoutBlock> blocks, boolean ephemeral, boolean replaceOriginal) {
        if (url == null) {
            return false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("response_type", ephemeral ? "ephemeral" : "in_channel");
        body.put("text", text);
        body.put("blocks", blocks);
        body.put("replace_original", replaceOriginal);
        try {
            WebhookResponse response = slack.send(url, GSON.toJson(body));
            if (response.getCode() != 200) {
                log.info("A response_url answered HTTP {}", response.getCode());
                return false;
            }
            return true;
        } catch (IOException e) {
            log.info("A response_url could not be reached: {}", e.getMessage());
            return false;
        }
    }

    static String json(Object value) {
        return GSON.toJson(value);
    }
}
