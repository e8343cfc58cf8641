package com.ailsocialautomation.fakes;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FakeDiscord refuses what Discord refuses, so that the bot's tests passing against it mean something: a second
 * acknowledgement, another interaction's token, content over 2,000 characters, command definitions and modals
 * outside their schemas, a modal in answer to a modal, and bodies that are not JSON. A fake that stops checking one of these fails here.
 */
class FakeDiscordStrictnessTest {
    private static final String TOKEN = "MTA.fake-bot-token.strictness";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final FakeDiscord discord = new FakeDiscord(TOKEN);

    @AfterEach
    void stop() {
        discord.close();
    }

    @Test
    void anInteractionIsAcknowledgedOnceAndOnlyWithItsOwnToken() throws Exception {
        discord.addGuild("900000000000000001", "700000000000000001");
        discord.slashCommand("token-of-the-interaction", "900000000000000001", "100000000000000001", "help");
        String id = interactionId();
        String ack = "{\"type\":5,\"data\":{\"flags\":64}}";
        HttpResponse<String> wrong = send("POST", "interactions/" + id + "/token-of-another/callback", ack, null);
        assertEquals(List.of(401, 50027), List.of(wrong.statusCode(), code(wrong)));
        assertEquals(204, send("POST", "interactions/" + id + "/token-of-the-interaction/callback", ack, null).statusCode());
        HttpResponse<String> again = send("POST", "interactions/" + id + "/token-of-the-interaction/callback", ack, null);
        assertEquals(List.of(400, 40060), List.of(again.statusCode(), code(again)));
        assertEquals(404, send("PATCH", "webhooks/" + FakeDiscord.APP_ID + "/token-of-another/messages/@original",
                "{\"content\":\"x\"}", null).statusCode(), "a follow-up needs the acknowledged interaction's token");
        assertEquals(200, send("PATCH", "webhooks/" + FakeDiscord.APP_ID + "/token-of-the-interaction/messages/@original",
                "{\"content\":\"done\"}", null).statusCode());
    }

    @Test
    void contentOverTwoThousandCharactersIsRefusedWhereverItIsSent() throws Exception {
        discord.addGuild("900000000000000001", "700000000000000001");
        String ok = Json.MAPPER.writeValueAsString(java.util.Map.of("content", "x".repeat(2000)));
        String over = Json.MAPPER.writeValueAsString(java.util.Map.of("content", "x".repeat(2001)));
        assertEquals(200, send("POST", "channels/700000000000000001/messages", ok, "Bot " + TOKEN).statusCode());
        HttpResponse<String> refused = send("POST", "channels/700000000000000001/messages", over, "Bot " + TOKEN);
        assertEquals(List.of(400, 50035), List.of(refused.statusCode(), code(refused)));
        assertTrue(refused.body().contains("BASE_TYPE_MAX_LENGTH"), refused.body());
        String embed = Json.MAPPER.writeValueAsString(java.util.Map.of("embeds", List.of(java.util.Map.of("description", "y".repeat(4097)))));
        assertEquals(400, send("POST", "channels/700000000000000001/messages", embed, "Bot " + TOKEN).statusCode());

        discord.slashCommand("long-answer", "900000000000000001", "100000000000000001", "help");
        HttpResponse<String> reply = send("POST", "interactions/" + interactionId() + "/long-answer/callback",
                "{\"type\":4,\"data\":{\"content\":\"" + "z".repeat(2001) + "\"}}", null);
        assertEquals(List.of(400, 50035), List.of(reply.statusCode(), code(reply)));
    }

    @Test
    void commandDefinitionsOutsideTheSchemaAreRefusedAndAILsManifestIsNot() throws Exception {
        JsonNode manifest = Json.MAPPER.readTree(Files.readString(Path.of("bot-manifests/discord/commands.json")));
        String path = "applications/" + FakeDiscord.APP_ID + "/commands";
        assertEquals(200, send("PUT", path, manifest.toString(), "Bot " + TOKEN).statusCode(), "AIL's own manifest is valid");
        JsonNode ail = manifest.get(0);
        JsonNode postWithAil = manifest.get(1);

        List<Consumer<ObjectNode>> breakages = List.of(
                c -> c.put("description", "d".repeat(101)),
                c -> c.put("name", "AIL"),
                c -> c.put("descripton", "a misspelt field"),
                c -> ((ObjectNode) c.withArray("options").get(0)).put("name", "has space"),
                c -> ((ObjectNode) c.withArray("options").get(0)).put("type", 12),
                c -> ((ObjectNode) c.withArray("options").get(0)).put("required", true),
                c -> { ArrayNode options = c.withArray("options"); options.add(options.get(0).deepCopy()); },
                c -> { ArrayNode options = c.withArray("options"); while (options.size() <= 25) { options.add(((ObjectNode) options.get(0).deepCopy())
                        .put("name", "extra" + options.size())); } },
                c -> {
                    ObjectNode sub = (ObjectNode) c.withArray("options").get(0);
                    ArrayNode inner = sub.withArray("options");
                    inner.addObject().put("type", 3).put("name", "late").put("description", "optional first");
                    inner.addObject().put("type", 3).put("name", "early").put("description", "required after").put("required", true);
                },
                c -> ((ObjectNode) c.withArray("options").get(0)).withArray("options").addObject().put("type", 5).put("name", "flag")
                        .put("description", "a boolean").putArray("choices").addObject().put("name", "yes").put("value", true));
        for (int i = 0; i < breakages.size(); i++) {
            ObjectNode broken = (ObjectNode) ail.deepCopy();
            breakages.get(i).accept(broken);
            HttpResponse<String> refused = send("PUT", path, "[" + broken + "," + postWithAil + "]", "Bot " + TOKEN);
            assertEquals(List.of(400, 50035), List.of(refused.statusCode(), code(refused)), "breakage " + i + ": " + refused.body());
        }
        List<Consumer<ObjectNode>> menuBreakages = List.of(
                c -> c.put("description", "Posts the message"),
                c -> c.put("name", "P".repeat(33)),
                c -> c.put("name", ""),
                c -> c.put("type", 4),
                c -> c.putArray("options").addObject().put("type", 3).put("name", "text").put("description", "no options here"));
        for (int i = 0; i < menuBreakages.size(); i++) {
            ObjectNode broken = (ObjectNode) postWithAil.deepCopy();
            menuBreakages.get(i).accept(broken);
            HttpResponse<String> refused = send("PUT", path, "[" + ail + "," + broken + "]", "Bot " + TOKEN);
            assertEquals(List.of(400, 50035), List.of(refused.statusCode(), code(refused)), "menu breakage " + i + ": " + refused.body());
        }
        StringBuilder six = new StringBuilder("[" + ail);
        for (int i = 1; i <= 6; i++) {
            six.append(',').append(((ObjectNode) postWithAil.deepCopy()).put("name", "Post with AIL " + i));
        }
        assertEquals(400, send("PUT", path, six + "]", "Bot " + TOKEN).statusCode(), "at most five message commands");
        assertEquals(200, send("PUT", path, "[" + ail + "," + ((ObjectNode) postWithAil.deepCopy()).put("name", "ail") + "]",
                "Bot " + TOKEN).statusCode(), "a message command may share a name with a slash command");
    }

    @Test
    void aModalOutsideDiscordsRulesOrInAnswerToAModalIsRefusedAndAValidOneIsShown() throws Exception {
        discord.addGuild("900000000000000001", "700000000000000001");
        ObjectNode valid = (ObjectNode) Json.MAPPER.readTree("{\"type\":9,\"data\":{\"custom_id\":\"m|1\",\"title\":\"Post with AIL\","
                + "\"components\":[{\"type\":18,\"label\":\"Text\",\"description\":null,\"component\":{\"type\":4,"
                + "\"custom_id\":\"text\",\"style\":2,\"max_length\":4000,\"value\":\"hi\"}},{\"type\":10,\"content\":\"Left out: a.pdf\"}]}}");
        List<Consumer<ObjectNode>> breakages = List.of(
                m -> data(m).put("title", "t".repeat(46)),
                m -> data(m).put("custom_id", "m".repeat(101)),
                m -> { ArrayNode components = data(m).withArray("components"); while (components.size() < 6) {
                        components.add(Json.MAPPER.createObjectNode().put("type", 10).put("content", "x")); } },
                m -> ((ObjectNode) data(m).withArray("components").get(0)).put("label", "l".repeat(46)),
                m -> input(m).put("style", 3),
                m -> input(m).put("max_length", 10).put("value", "v".repeat(11)),
                m -> input(m).put("label", "A label of its own inside a Label"),
                m -> data(m).withArray("components").add(data(m).withArray("components").get(0).deepCopy()),
                m -> ((ObjectNode) data(m).withArray("components").get(1)).put("type", 2));
        for (int i = 0; i < breakages.size(); i++) {
            discord.slashCommand("modal-" + i, "900000000000000001", "100000000000000001", "post");
            ObjectNode broken = valid.deepCopy();
            breakages.get(i).accept(broken);
            HttpResponse<String> refused = send("POST", "interactions/" + interactionId() + "/modal-" + i + "/callback", broken.toString(), null);
            assertEquals(List.of(400, 50035), List.of(refused.statusCode(), code(refused)), "breakage " + i + ": " + refused.body());
        }
        assertTrue(discord.modals().isEmpty());

        discord.slashCommand("modal-ok", "900000000000000001", "100000000000000001", "post");
        assertEquals(204, send("POST", "interactions/" + interactionId() + "/modal-ok/callback", valid.toString(), null).statusCode());
        assertEquals(List.of(valid.get("data")), discord.modals());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> discord.submitModal("submit",
                "900000000000000001", "100000000000000001", valid.get("data"), java.util.Map.of("when", "now")), "no such input");
        discord.submitModal("submit", "900000000000000001", "100000000000000001", valid.get("data"), java.util.Map.of());
        HttpResponse<String> modalOnModal = send("POST", "interactions/" + interactionId() + "/submit/callback", valid.toString(), null);
        assertEquals(400, modalOnModal.statusCode(), "a modal's submission cannot be answered with another modal");
        assertEquals(204, send("POST", "interactions/" + interactionId() + "/submit/callback",
                "{\"type\":4,\"data\":{\"content\":\"Done\",\"flags\":64}}", null).statusCode(), "but with a message");
    }

    private static ObjectNode data(ObjectNode modal) {
        return (ObjectNode) modal.get("data");
    }

    private static ObjectNode input(ObjectNode modal) {
        return (ObjectNode) data(modal).withArray("components").get(0).get("component");
    }

    @Test
    void aBodyThatIsNotJsonGetsDiscords400NotADroppedConnection() throws Exception {
        discord.addGuild("900000000000000001", "700000000000000001");
        HttpResponse<String> refused = send("POST", "channels/700000000000000001/messages", "{\"content\": \"unterminated", "Bot " + TOKEN);
        assertEquals(List.of(400, 50109), List.of(refused.statusCode(), code(refused)));
    }

    private String interactionId() {
        // the id is the snowflake the fake dispatched; it answers its callback only for that id
        return discord.lastInteractionId();
    }

    private HttpResponse<String> send(String method, String path, String json, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(discord.apiUrl() + path))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int code(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body()).path("code").asInt();
    }
}
