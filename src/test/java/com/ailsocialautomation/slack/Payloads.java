package com.ailsocialautomation.slack;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** Interactivity and event payloads in the shape Slack sends them. */
final class Payloads {
    private Payloads() {}

    static ObjectNode base(String type, String team, String user) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("type", type);
        p.putObject("team").put("id", team).put("domain", "ail-test");
        p.putObject("user").put("id", user).put("username", user.toLowerCase()).put("name", user.toLowerCase()).put("team_id", team);
        p.put("api_app_id", "A0AIL");
        p.put("token", "deprecated-verification-token");
        p.put("trigger_id", "4242.42.trigger-" + user);
        return p;
    }

    /** A button pressed in a message (an ephemeral reply or a DM). */
    static String button(String team, String user, String actionId, String value, String responseUrl) {
        ObjectNode p = base("block_actions", team, user);
        p.putObject("container").put("type", "message").put("message_ts", "1700000000.1").put("channel_id", "C0GENERAL")
                .put("is_ephemeral", true);
        p.putObject("channel").put("id", "C0GENERAL").put("name", "general");
        p.put("response_url", responseUrl);
        addAction(p, actionId, value);
        return p.toString();
    }

    /** A button pressed on App Home: no response_url, the view instead. */
    static String homeButton(String team, String user, String actionId) {
        ObjectNode p = base("block_actions", team, user);
        p.putObject("container").put("type", "view").put("view_id", "V0HOME");
        p.putObject("view").put("id", "V0HOME").put("type", "home").put("team_id", team);
        addAction(p, actionId, actionId);
        return p.toString();
    }

    private static void addAction(ObjectNode p, String actionId, String value) {
        ArrayNode actions = p.putArray("actions");
        ObjectNode a = actions.addObject();
        a.put("action_id", actionId).put("block_id", "b1").put("type", "button").put("value", value).put("action_ts", "1700000001.1");
        a.putObject("text").put("type", "plain_text").put("text", "Press");
    }

    /** A modal submitted with {@code values}: block id → (action id → element state). */
    static String submission(String team, String user, String callbackId, String privateMetadata,
                             Map<String, ObjectNode> values) {
        ObjectNode p = base("view_submission", team, user);
        ObjectNode view = p.putObject("view");
        view.put("id", "V0MODAL").put("type", "modal").put("callback_id", callbackId).put("team_id", team)
                .put("private_metadata", privateMetadata);
        ObjectNode state = view.putObject("state").putObject("values");
        values.forEach((id, element) -> state.putObject(id).set(id, element));
        p.putArray("response_urls");
        return p.toString();
    }

    static ObjectNode textValue(String value) {
        ObjectNode e = Json.MAPPER.createObjectNode().put("type", "plain_text_input");
        if (value == null) {
            e.putNull("value");
        } else {
            e.put("value", value);
        }
        return e;
    }

    static ObjectNode selected(List<String> values) {
        ObjectNode e = Json.MAPPER.createObjectNode().put("type", "multi_static_select");
        ArrayNode options = e.putArray("selected_options");
        values.forEach(v -> {
            ObjectNode o = options.addObject();
            o.putObject("text").put("type", "plain_text").put("text", v);
            o.put("value", v);
        });
        return e;
    }

    /** A file input's state after people added {@code files} (file objects as Slack describes them). */
    static ObjectNode files(List<Map<String, Object>> files) {
        ObjectNode e = Json.MAPPER.createObjectNode().put("type", "file_input");
        ArrayNode array = e.putArray("files");
        files.forEach(f -> array.add(Json.MAPPER.valueToTree(f)));
        return e;
    }

    /** The message shortcut {@code callbackId} used on a message with {@code text} and {@code files}. */
    static String messageShortcut(String team, String user, String callbackId, String text, List<Map<String, Object>> files,
                                  String responseUrl) {
        ObjectNode p = base("message_action", team, user);
        p.put("callback_id", callbackId).put("message_ts", "1700000000.5").put("action_ts", "1700000001.5");
        p.put("response_url", responseUrl);
        p.putObject("channel").put("id", "C0GENERAL").put("name", "general");
        ObjectNode message = p.putObject("message");
        message.put("type", "message").put("user", "U0SHARER").put("ts", "1700000000.5").put("text", text);
        if (!files.isEmpty()) {
            ArrayNode array = message.putArray("files");
            files.forEach(f -> array.add(Json.MAPPER.valueToTree(f)));
        }
        return p.toString();
    }

    static ObjectNode date(String date) {
        ObjectNode e = Json.MAPPER.createObjectNode().put("type", "datepicker");
        return date == null ? e.putNull("selected_date") : e.put("selected_date", date);
    }

    static ObjectNode time(String time) {
        ObjectNode e = Json.MAPPER.createObjectNode().put("type", "timepicker");
        return time == null ? e.putNull("selected_time") : e.put("selected_time", time);
    }

    /** An Events API envelope for {@code event} in {@code team}. */
    static String event(String team, String eventId, ObjectNode event) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("token", "deprecated-verification-token");
        p.put("team_id", team);
        p.put("api_app_id", "A0AIL");
        p.set("event", event);
        p.put("type", "event_callback");
        p.put("event_id", eventId);
        p.put("event_time", 1700000000);
        ObjectNode auth = p.putArray("authorizations").addObject();
        auth.putNull("enterprise_id");
        auth.put("team_id", team).put("user_id", "U0BOT").put("is_bot", true).put("is_enterprise_install", false);
        return p.toString();
    }

    static ObjectNode appHomeOpened(String user) {
        return Json.MAPPER.createObjectNode().put("type", "app_home_opened").put("user", user).put("channel", "D" + user)
                .put("tab", "home").put("event_ts", "1700000000.2");
    }

    static ObjectNode appUninstalled() {
        return Json.MAPPER.createObjectNode().put("type", "app_uninstalled").put("event_ts", "1700000000.3");
    }

    static ObjectNode tokensRevoked(String botUser) {
        ObjectNode e = Json.MAPPER.createObjectNode().put("type", "tokens_revoked").put("event_ts", "1700000000.4");
        ObjectNode tokens = e.putObject("tokens");
        tokens.putArray("oauth");
        tokens.putArray("bot").add(botUser);
        return e;
    }
}
