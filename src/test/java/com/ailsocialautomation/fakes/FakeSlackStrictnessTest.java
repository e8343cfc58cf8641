package com.ailsocialautomation.fakes;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FakeSlack refuses what Slack refuses, so that product tests passing against it mean something: a code exchanged
 * twice, late or for another redirect_uri; a response_url used a sixth time or after 30 minutes; JSON that does not
 * parse (an error answer, not a dropped connection). A fake that stops checking one of these fails here.
 */
class FakeSlackStrictnessTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String REDIRECT = "https://ail.example.com/slack/oauth_redirect";
    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final FakeSlack slack = start();

    private FakeSlack start() {
        try {
            FakeSlack fake = new FakeSlack();
            fake.useClock(clock);
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void aCodeIsExchangedOnceWithinTenMinutesAndOnlyForTheRedirectUriItsAuthorizeUrlNamed() throws Exception {
        String code = slack.approve(authorize(REDIRECT));
        assertEquals("bad_redirect_uri", exchange(code, "https://elsewhere.example/slack/oauth_redirect").path("error").asText());
        assertEquals("invalid_code", exchange(code, REDIRECT).path("error").asText(), "a refused exchange used the code up");

        String fresh = slack.approve(authorize(REDIRECT));
        JsonNode installed = exchange(fresh, REDIRECT);
        assertTrue(installed.path("ok").asBoolean(), installed.toString());
        assertTrue(installed.path("access_token").asText().startsWith("xoxb-"));
        assertEquals("invalid_code", exchange(fresh, REDIRECT).path("error").asText(), "single use");

        String late = slack.approve(authorize(REDIRECT));
        clock.advance(Duration.ofMinutes(10));
        assertEquals("invalid_code", exchange(late, REDIRECT).path("error").asText(), "ten minutes old");
        assertEquals("invalid_code", exchange("good-code", REDIRECT).path("error").asText(), "no code works that Slack did not give");
    }

    @Test
    void aResponseUrlTakesFiveAnswersWithinThirtyMinutes() throws Exception {
        String url = slack.responseUrl("five");
        for (int i = 1; i <= FakeSlack.RESPONSE_URL_USES; i++) {
            assertEquals(200, post(url, "{\"text\":\"answer " + i + "\"}").statusCode());
        }
        HttpResponse<String> sixth = post(url, "{\"text\":\"answer 6\"}");
        assertEquals(List.of(404, "used_url"), List.of(sixth.statusCode(), sixth.body()));

        String other = slack.responseUrl("late");
        clock.advance(Duration.ofMinutes(29).plusSeconds(59));
        assertEquals(200, post(other, "{\"text\":\"just in time\"}").statusCode());
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> late = post(other, "{\"text\":\"too late\"}");
        assertEquals(List.of(404, "expired_url"), List.of(late.statusCode(), late.body()));
        assertEquals(404, post(slack.url() + "/respond/never-issued", "{\"text\":\"x\"}").statusCode());
        assertEquals(6, slack.calls("respond").size(), "only the accepted answers arrive");
    }

    @Test
    void jsonThatDoesNotParseGetsSlacksErrorNotADroppedConnection() throws Exception {
        HttpResponse<String> respond = post(slack.responseUrl("bad-json"), "{\"text\": \"unterminated");
        assertEquals(List.of(400, "invalid_payload"), List.of(respond.statusCode(), respond.body()));
        HttpResponse<String> message = api("chat.postMessage", Map.of("channel", "C1", "text", "x", "blocks", "[{\"type\":"),
                "Bearer " + FakeSlack.BOT_TOKEN);
        assertEquals(200, message.statusCode());
        assertEquals("invalid_blocks_format", Json.MAPPER.readTree(message.body()).path("error").asText());
        HttpResponse<String> view = api("views.open", Map.of("trigger_id", "1.2.3", "view", "{not json"), "Bearer " + FakeSlack.BOT_TOKEN);
        assertEquals("invalid_arguments", Json.MAPPER.readTree(view.body()).path("error").asText());
    }

    private static String authorize(String redirectUri) {
        return "https://slack.com/oauth/v2/authorize?client_id=" + FakeSlack.CLIENT_ID + "&scope=commands&state=s1&redirect_uri="
                + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
    }

    private JsonNode exchange(String code, String redirectUri) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", FakeSlack.CLIENT_ID);
        form.put("client_secret", FakeSlack.CLIENT_SECRET);
        return Json.MAPPER.readTree(api("oauth.v2.access", form, null).body());
    }

    private HttpResponse<String> api(String method, Map<String, String> form, String authorization) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(slack.url() + "/api/" + method))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
