package com.ailsocialautomation.slack;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.command.Caller;
import com.ailsocialautomation.command.Compose;
import com.ailsocialautomation.command.Handler;
import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.command.Subcommand;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeSlack;
import com.ailsocialautomation.message.MediaInput;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.testing.PostgresExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 point 6: files added in the compose form and the files of a message the "Post with AIL" shortcut was used
 * on reach the command layer as chat files with Slack's download address and the bot token, in order, with their
 * alt lines; requests are signed as Slack signs them and FakeSlack serves the files only with the bot token.
 */
class SlackMediaTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] MP4 = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
    static final BlockingQueue<ParsedCommand> ran = new LinkedBlockingQueue<>();
    static final HttpClient CLIENT = HttpClient.newHttpClient(); // follows no redirect, as a download must not
    static SlackRig rig;

    @BeforeAll
    static void start() throws Exception {
        BiFunction<Caller, ParsedCommand, Reply> record = (caller, command) -> {
            ran.add(command);
            return Reply.of("Received " + command.files().size() + " files.");
        };
        rig = new SlackRig(pg, false, List.of(Handler.of(Subcommand.POST, record), Handler.of(Subcommand.SCHEDULE, record)),
                Map.of(), SlackFrontEnd.ACK_WITHIN);
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    @Test
    void filesAddedInTheComposeFormReachTheCommandLayerWithTheBotTokenAndTheirAltLines() throws Exception {
        String team = "TFILES";
        rig.user("UFILES", "Fina", "UTC", false);
        Account hook = rig.webhookAccount(team, "UFILES", "files.example/hook");
        rig.requests.command(team, "UFILES", "post", rig.slack.responseUrl("files0"));
        JsonNode view = rig.slack.await("views.open", 1, c -> c.form().get("trigger_id").endsWith("UFILES")).get(0).jsonField("view");
        JsonNode input = block(view, ComposeModal.FILES).path("element");
        assertEquals("file_input", input.path("type").asText());
        assertEquals(10, input.path("max_files").asInt());
        assertTrue(input.path("filetypes").toString().contains("\"png\"") && input.path("filetypes").toString().contains("\"mp4\""));
        assertTrue(block(view, ComposeModal.ALT).path("element").path("multiline").asBoolean());

        Map<String, Object> photo = rig.slack.addFile("F0PHOTO", "photo.png", "image/png", PNG);
        Map<String, Object> clip = new LinkedHashMap<>(rig.slack.addFile("F0CLIP", "clip.mp4", "video/mp4", MP4));
        clip.remove("url_private_download"); // a payload without the address: files.info gives it
        Map<String, ObjectNode> values = values(hook.shortId(), null, List.of(photo, clip), "A red door\n\n");
        JsonNode ack = json(rig.requests.interactivity(Payloads.submission(team, "UFILES", ComposeModal.CALLBACK,
                view.path("private_metadata").asText(), values)));

        assertFalse(ack.has("response_action"), "the modal closes: " + ack);
        ParsedCommand command = ran.poll(10, TimeUnit.SECONDS);
        assertNotNull(command, "the post command ran");
        Secret bot = Secret.of(FakeSlack.BOT_TOKEN);
        assertEquals(List.of(new MediaInput.ChatFile((String) photo.get("url_private_download"), bot, "photo.png", "A red door"),
                new MediaInput.ChatFile((String) rig.slack.fileObject("F0CLIP").get("url_private_download"), bot, "clip.mp4", null)),
                command.files());
        assertEquals(List.of(), command.options("alt"), "without a link every line belongs to a file");
        List<String> asked = rig.slack.calls("files.info").stream().map(c -> c.form().get("file")).toList();
        assertEquals(1, asked.stream().filter("F0CLIP"::equals).count(), asked.toString());
        assertFalse(asked.contains("F0PHOTO"), "a file whose address the payload carries needs no files.info");
        assertTrue(rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/files0")).get(0).json().contains("Received 2 files"));

        MediaInput.ChatFile first = (MediaInput.ChatFile) command.files().get(0);
        assertArrayEquals(PNG, download(first.url(), first.bearer().reveal()).body(), "the bot token fetches the bytes");
        HttpResponse<byte[]> anonymous = download(first.url(), null);
        assertEquals(302, anonymous.statusCode(), "without the token Slack sends people to sign in");
    }

    @Test
    void altLinesFollowTheLinkFirstAndMoreLinesThanItemsIsAFieldError() throws Exception {
        String team = "TALTS";
        rig.user("UALTS", "Alto", "UTC", false);
        Account hook = rig.webhookAccount(team, "UALTS", "alts.example/hook");
        rig.requests.command(team, "UALTS", "schedule", rig.slack.responseUrl("alts0"));
        JsonNode view = rig.slack.await("views.open", 1, c -> c.form().get("trigger_id").endsWith("UALTS")).get(0).jsonField("view");
        String metadata = view.path("private_metadata").asText();
        Map<String, Object> photo = rig.slack.addFile("F0ALT", "door.jpg", "image/jpeg", PNG);

        JsonNode refused = json(rig.requests.interactivity(Payloads.submission(team, "UALTS", ComposeModal.CALLBACK, metadata,
                values(hook.shortId(), "https://example.com/cat.png", List.of(photo), "A cat\nA door\nA third"))));
        assertEquals("errors", refused.path("response_action").asText(), refused.toString());
        assertEquals("That is 3 lines of alt text for 2 images and videos: give one line per item, in order (the link, "
                + "then the files), or remove 1.", refused.path("errors").path(ComposeModal.ALT).asText());
        JsonNode tooLong = json(rig.requests.interactivity(Payloads.submission(team, "UALTS", ComposeModal.CALLBACK, metadata,
                values(hook.shortId(), null, List.of(photo), "x".repeat(1001)))));
        assertTrue(tooLong.path("errors").path(ComposeModal.ALT).asText().startsWith("An alt: text is 1,001 characters"), tooLong.toString());

        // the accepted form, read as the submission handler reads it (a link would be looked up, and tests have no DNS)
        ViewState read = GsonFactory.createSnakeCase().fromJson(Json.MAPPER.writeValueAsString(
                Map.of("values", valuesOf(hook.shortId(), "https://example.com/cat.png", List.of(photo), "A cat\nA door"))), ViewState.class);
        List<String> lines = ComposeFiles.altLines(read, 2);
        Compose.Draft draft = ComposeModal.draft(read, lines, List.of(new MediaInput.ChatFile("u", null, "door.jpg", lines.get(1))));
        assertEquals("https://example.com/cat.png", draft.mediaUrl());
        assertEquals(List.of("A cat"), draft.alts(), "the first line is the link's");
        assertEquals("A door", draft.files().get(0).altText());
    }

    @Test
    void aFileSlackNoLongerHasIsShownUnderTheFileInputAndNothingRuns() throws Exception {
        String team = "TGONE";
        rig.user("UGONEF", "Gone", "UTC", false);
        Account hook = rig.webhookAccount(team, "UGONEF", "gone.example/hook");
        rig.requests.command(team, "UGONEF", "post", rig.slack.responseUrl("gone0"));
        JsonNode view = rig.slack.await("views.open", 1, c -> c.form().get("trigger_id").endsWith("UGONEF")).get(0).jsonField("view");
        Map<String, Object> file = new LinkedHashMap<>(rig.slack.addFile("F0GONE", "gone.png", "image/png", PNG));
        file.remove("url_private_download");
        rig.slack.deleteFile("F0GONE");

        JsonNode refused = json(rig.requests.interactivity(Payloads.submission(team, "UGONEF", ComposeModal.CALLBACK,
                view.path("private_metadata").asText(), values(hook.shortId(), null, List.of(file), null))));

        assertEquals("AIL cannot read gone.png: Slack answered file_not_found; in a channel, invite AIL there first.",
                refused.path("errors").path(ComposeModal.FILES).asText(), refused.toString());
        assertNull(ran.poll(300, TimeUnit.MILLISECONDS), "nothing ran");
    }

    @Test
    void postWithAilOnAMessageOpensTheFormWithItsTextAndFilesWhichComeBeforeFilesAddedThere() throws Exception {
        String team = "TSHORT";
        rig.user("USHORT", "Shona", "UTC", false);
        Account hook = rig.webhookAccount(team, "USHORT", "short.example/hook");
        Map<String, Object> photo = rig.slack.addFile("F0MSG", "launch.jpg", "image/jpeg", PNG);
        Map<String, Object> pdf = rig.slack.addFile("F0PDF", "notes.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F'});
        String text = "We launched <https://example.com/blog|our blog> &amp; more &lt;3";

        HttpResponse<String> ack = rig.requests.interactivity(Payloads.messageShortcut(team, "USHORT", MessageShortcut.CALLBACK,
                text, List.of(photo, pdf), rig.slack.responseUrl("short0")));

        assertEquals(200, ack.statusCode(), ack.body());
        JsonNode view = rig.slack.await("views.open", 1, c -> c.form().get("trigger_id").endsWith("USHORT")).get(0).jsonField("view");
        assertEquals(ComposeModal.CALLBACK, view.path("callback_id").asText());
        assertEquals("We launched https://example.com/blog & more <3",
                block(view, "text").path("element").path("initial_value").asText());
        assertTrue(view.path("blocks").toString().contains("launch.jpg") && !view.path("blocks").toString().contains("notes.pdf"),
                "the message's picture is named, the PDF left out: " + view.path("blocks"));
        assertEquals(9, block(view, ComposeModal.FILES).path("element").path("max_files").asInt(), "room for nine more");

        Map<String, Object> added = rig.slack.addFile("F0ADD", "extra.png", "image/png", MP4);
        Map<String, ObjectNode> values = values(hook.shortId(), null, List.of(added), "Our launch\nExtra");
        values.put("text", Payloads.textValue("We launched https://example.com/blog & more <3"));
        json(rig.requests.interactivity(Payloads.submission(team, "USHORT", ComposeModal.CALLBACK,
                view.path("private_metadata").asText(), values)));

        ParsedCommand command = ran.poll(10, TimeUnit.SECONDS);
        assertNotNull(command);
        Secret bot = Secret.of(FakeSlack.BOT_TOKEN);
        assertEquals(List.of(new MediaInput.ChatFile((String) photo.get("url_private_download"), bot, "launch.jpg", "Our launch"),
                new MediaInput.ChatFile((String) added.get("url_private_download"), bot, "extra.png", "Extra")), command.files());
        assertEquals("We launched https://example.com/blog & more <3", command.text());
        FakeSlack.Call answer = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/short0")).get(0);
        assertTrue(answer.json().contains("Received 2 files"), "the answer goes to the shortcut's response_url: " + answer.json());
    }

    @Test
    void aMessagesTenFilesFitSlacksMetadataLimitByLeavingTheirAddressesToFilesInfo() {
        List<SlackFiles.Ref> files = new java.util.ArrayList<>();
        for (int i = 0; i < ComposeModal.MAX_FILES; i++) {
            String name = "Été à Sète, l'équipe réunie " + "é".repeat(66) + i + ".jpg"; // 100, as Ref.of cuts
            String url = "https://files.slack.com/files-pri/T0AIL-F0LONG" + i + "/download/"
                    + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
            files.add(new SlackFiles.Ref("F0LONG" + i, name, url));
        }
        ComposeMetadata metadata = new ComposeMetadata(rig.slack.responseUrl("meta"), java.time.Instant.now(), files);
        assertTrue(metadata.files().toString().length() > 3000, "the whole list would not fit");

        String encoded = metadata.encode();

        assertTrue(encoded.length() <= 3000, encoded.length() + " characters");
        ComposeMetadata read = ComposeMetadata.decode(encoded);
        assertEquals(files.stream().map(SlackFiles.Ref::id).toList(), read.files().stream().map(SlackFiles.Ref::id).toList());
        assertTrue(read.files().stream().allMatch(f -> f.url() == null), "files.info gives the addresses back");
        assertEquals(metadata.origin(), read.origin());
    }

    private static Map<String, Map<String, ObjectNode>> valuesOf(String account, String link, List<Map<String, Object>> files, String alt) {
        Map<String, Map<String, ObjectNode>> out = new LinkedHashMap<>();
        values(account, link, files, alt).forEach((id, element) -> out.put(id, Map.of(id, element)));
        return out;
    }

    private static Map<String, ObjectNode> values(String account, String link, List<Map<String, Object>> files, String alt) {
        Map<String, ObjectNode> v = new LinkedHashMap<>();
        v.put("accounts", Payloads.selected(List.of(account)));
        v.put("text", Payloads.textValue("With pictures"));
        v.put("date", Payloads.date(null));
        v.put("time", Payloads.time(null));
        v.put("media", Payloads.textValue(link));
        v.put(ComposeModal.FILES, Payloads.files(files));
        v.put(ComposeModal.ALT, Payloads.textValue(alt));
        return v;
    }

    private static JsonNode block(JsonNode view, String id) {
        for (JsonNode block : view.path("blocks")) {
            if (id.equals(block.path("block_id").asText())) {
                return block;
            }
        }
        throw new AssertionError("no block " + id + " in " + view.path("blocks"));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return r.body().isEmpty() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(r.body());
    }

    private static HttpResponse<byte[]> download(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
