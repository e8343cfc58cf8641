package com.ailsocialautomation.doctor;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.config.Config;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Slack and Discord credentials, each with a harmless authenticated call: Slack's {@code auth.test} for a bot token,
 * {@code oauth.v2.access} with a code that cannot exist for a client id and secret (Slack names the wrong one before
 * it looks at the code); Discord's {@code GET users/@me}. The signing secret cannot be checked from here: Slack's
 * URL verification does that.
 */
final class ChatChecks {
    private static final String SLACK = "https://slack.com";
    private static final String DISCORD = "https://discord.com/api/v10";

    private ChatChecks() {}

    static Check slack(HttpClient http, Config.Slack slack) {
        if (slack == null) {
            return Check.ok("slack", "off (set SLACK_SIGNING_SECRET, then SLACK_BOT_TOKEN or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)");
        }
        String base = (slack.apiUrl() == null ? SLACK : slack.apiUrl()) + "/api/";
        try {
            if (slack.botToken() != null) {
                JsonNode answer = post(http, HttpRequest.newBuilder(URI.create(base + "auth.test"))
                        .header("Authorization", "Bearer " + slack.botToken().reveal()), "");
                return answer.path("ok").asBoolean()
                        ? Check.ok("slack", "SLACK_BOT_TOKEN works for workspace " + answer.path("team").asText(answer.path("team_id").asText()))
                        : Check.fail("slack", "SLACK_BOT_TOKEN is not accepted by Slack (" + answer.path("error").asText()
                                + "): copy the Bot User OAuth Token (xoxb-...) from OAuth & Permissions");
            }
            if (slack.clientId() != null) {
                JsonNode answer = post(http, HttpRequest.newBuilder(URI.create(base + "oauth.v2.access")),
                        "client_id=" + enc(slack.clientId()) + "&client_secret=" + enc(slack.clientSecret().reveal()) + "&code=ail-doctor-check");
                String error = answer.path("error").asText();
                return switch (error) {
                    case "invalid_code" -> Check.ok("slack", "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are accepted by Slack; installs start at /slack/install");
                    case "invalid_client_id" -> Check.fail("slack", "SLACK_CLIENT_ID (or its secret) is not accepted by Slack: copy both from Basic Information");
                    case "bad_client_secret" -> Check.fail("slack", "SLACK_CLIENT_SECRET is not accepted by Slack: copy it from Basic Information");
                    default -> Check.warn("slack", "Slack answered the client check with '" + error + "'");
                };
            }
            return Check.warn("slack", "only SLACK_SIGNING_SECRET is set: /slack/events answers Slack's URL verification; "
                    + "install the app and set SLACK_BOT_TOKEN (or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET) next");
        } catch (IOException e) {
            return Check.fail("slack", "Slack's API cannot be reached: " + e.getMessage());
        }
    }

    static Check discord(HttpClient http, Config.Discord discord) {
        if (discord == null) {
            return Check.ok("discord", "off (set DISCORD_BOT_TOKEN)");
        }
        String base = discord.apiUrl() == null ? DISCORD : discord.apiUrl().replaceAll("/+$", "");
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/users/@me")).timeout(Doctor.TIMEOUT)
                    .header("Authorization", "Bot " + discord.botToken().reveal()).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                JsonNode me = Json.MAPPER.readTree(answer.body());
                return Check.ok("discord", "DISCORD_BOT_TOKEN works for the bot " + me.path("username").asText() + " (" + me.path("id").asText() + ")");
            }
            return Check.fail("discord", "DISCORD_BOT_TOKEN is not accepted by Discord (HTTP " + answer.statusCode()
                    + "): reset and copy the token under Bot in the Developer Portal");
        } catch (IOException e) {
            return Check.fail("discord", "Discord's API cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.warn("discord", "interrupted");
        }
    }

    private static JsonNode post(HttpClient http, HttpRequest.Builder request, String form) throws IOException {
        try {
            HttpResponse<String> answer = http.send(request.timeout(Doctor.TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            return Json.MAPPER.readTree(answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
