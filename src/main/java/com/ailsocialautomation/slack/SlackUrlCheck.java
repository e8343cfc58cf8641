package com.ailsocialautomation.slack;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.web.WebRoutes;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/**
 * {@code POST /slack/events} while Slack is partly configured (only SLACK_SIGNING_SECRET is set): Slack asks to
 * verify the request URL before the app can be installed, so its signed {@code url_verification} is answered with
 * the challenge; anything else is refused with what the operator still has to set. Unsigned requests get 401.
 */
public final class SlackUrlCheck implements WebRoutes {
    static final String NOT_INSTALLED = "AIL's Slack app is not set up yet: set SLACK_BOT_TOKEN (one workspace) or "
            + "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (installable), then restart AIL";

    private final SlackSignature signature;

    public SlackUrlCheck(Config.Slack config, Clock clock) {
        this.signature = new SlackSignature(config.signingSecret(), clock);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(SlackRoutes.EVENTS, this::events);
    }

    private void events(Context ctx) {
        if (ctx.contentLength() > SlackRoutes.MAX_BODY_BYTES) {
            ctx.status(413).result("request body too large");
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > SlackRoutes.MAX_BODY_BYTES
                || !signature.verify(ctx.header("X-Slack-Request-Timestamp"), ctx.header("X-Slack-Signature"), body)) {
            ctx.status(body.length > SlackRoutes.MAX_BODY_BYTES ? 413 : 401).result("invalid signature");
            return;
        }
        JsonNode event = parse(body);
        if ("url_verification".equals(event.path("type").asText()) && event.path("challenge").isTextual()) {
            ctx.json(Map.of("challenge", event.path("challenge").asText()));
            return;
        }
        ctx.status(503).contentType("text/plain").result(NOT_INSTALLED);
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node == null ? Json.MAPPER.missingNode() : node;
        } catch (IOException notJson) {
            return Json.MAPPER.missingNode(); // a slash command or an interaction arrives as a form
        }
    }
}
