package com.ailsocialautomation.slack;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.Json;
import com.ailsocialautomation.command.Action;
import com.ailsocialautomation.command.Handler;
import com.ailsocialautomation.command.Subcommand;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.fakes.FakeSlack;
import com.ailsocialautomation.store.PostStatus;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostFilter;
import com.ailsocialautomation.testing.PostgresExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue points 4, 5 and 6: the compose modal, App Home, buttons, forms, my-data as a file and forget-me's confirmation. */
class SlackInteractionTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static SlackRig rig;
    static final Map<String, String> submitted = new ConcurrentHashMap<>();
    static final byte[] EXPORT = "{\"user\":\"UDATA\",\"posts\":[]}".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void start() throws Exception {
        List<Handler> handlers = List.of(
                Handler.of(Subcommand.CONNECT, (caller, command) -> Reply.of("Log in to Bluesky as " + command.arg(1) + ".")
                        .withForm(new Reply.Form("Connect Bluesky", "bluesky-login", List.of(
                                new Reply.Input("handle", "Handle", false, "ana.bsky.social"),
                                new Reply.Input("password", "App password", true, "xxxx-xxxx-xxxx-xxxx"))))),
                Handler.of(Subcommand.MY_DATA, (caller, command) -> Reply.of("Here is everything AIL stores about you.")
                        .withFile(new Reply.File("ail-my-data.json", "application/json", EXPORT))),
                Handler.of(Subcommand.FORGET_ME, (caller, command) -> Reply.of("This erases everything AIL stores about you.")
                        .withButton("Erase everything", "confirm-forget-me", Reply.Button.Style.DANGER)));
        Map<String, Action> actions = Map.of(
                "bluesky-login", (caller, arg, values) -> {
                    submitted.putAll(values);
                    return Reply.of("Connected " + values.get("handle") + ".");
                },
                "confirm-forget-me", (caller, arg, values) -> Reply.of("Erased everything about " + caller.user().externalId() + "."));
        rig = new SlackRig(pg, false, handlers, actions, SlackFrontEnd.ACK_WITHIN);
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return r.body().isEmpty() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(r.body());
    }

    @Test
    void postWithoutTextOpensTheComposeModalThatShowsFieldErrorsAndThenSchedules() throws Exception {
        String team = "TCOMP";
        rig.user("UCOMP", "Cleo", "Europe/Berlin", false);
        Account x = rig.account(team, "UCOMP", "x", "@ail_team");
        Account hook = rig.webhookAccount(team, "UCOMP", "compose.example/hook");
        HttpResponse<String> ack = rig.requests.command(team, "UCOMP", "schedule", rig.slack.responseUrl("compose"));
        assertEquals(200, ack.statusCode());
        FakeSlack.Call open = rig.slack.await("views.open", 1, c -> c.form().get("trigger_id").endsWith("UCOMP")).get(0);
        JsonNode view = open.jsonField("view");
        assertEquals(ComposeModal.CALLBACK, view.path("callback_id").asText());
        String options = view.path("blocks").get(0).path("element").path("options").toString();
        assertTrue(options.contains(x.shortId()) && options.contains(hook.shortId()), options);
        String metadata = view.path("private_metadata").asText();

        String tooLong = "a".repeat(281);
        String past = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1).toString();
        JsonNode errors = json(rig.requests.interactivity(Payloads.submission(team, "UCOMP", ComposeModal.CALLBACK, metadata,
                values(List.of(x.shortId(), hook.shortId()), tooLong, past, "09:00"))));
        assertEquals("errors", errors.path("response_action").asText(), errors.toString());
        assertTrue(errors.path("errors").path("date").asText().contains("passed"), errors.toString());
        assertTrue(errors.path("errors").path("text").asText().contains("X"), "the length error names X: " + errors);
        assertEquals(0, rig.posts.list(rig.workspaces.find(FrontEnd.SLACK, team).orElseThrow(), PostFilter.RECENT, null, 10).size(), "nothing was saved");

        JsonNode none = json(rig.requests.interactivity(Payloads.submission(team, "UCOMP", ComposeModal.CALLBACK, metadata,
                values(List.of(), "Hello", null, null))));
        assertTrue(none.path("errors").has("accounts"), none.toString());

        String tomorrow = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2).toString();
        JsonNode closed = json(rig.requests.interactivity(Payloads.submission(team, "UCOMP", ComposeModal.CALLBACK, metadata,
                values(List.of(x.shortId(), hook.shortId()), "Guten Morgen", tomorrow, "09:00"))));
        assertFalse(closed.has("response_action"), "the modal closes: " + closed);
        FakeSlack.Call answer = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/compose")).get(0);
        assertTrue(answer.body().path("text").asText().contains("Scheduled"), answer.json());
        Post post = rig.posts.list(rig.workspaces.find(FrontEnd.SLACK, team).orElseThrow(), PostFilter.UPCOMING, null, 10).get(0);
        assertEquals(java.time.LocalDateTime.parse(tomorrow + "T09:00").atZone(ZoneId.of("Europe/Berlin")).toInstant(), post.scheduledAt());
        assertEquals(2, post.targets().size());
    }

    @Test
    void theComposeModalHasFieldsForTheOptionsTheAccountsUseAndRefusesOneNoChosenAccountUses() throws Exception {
        String team = "TOPTS";
        rig.user("UOPTS", "Ola", "UTC", false);
        Account x = rig.account(team, "UOPTS", "x", "@ola_x");
        Account hook = rig.webhookAccount(team, "UOPTS", "opts.example/hook");
        assertEquals(200, rig.requests.command(team, "UOPTS", "post", rig.slack.responseUrl("opts")).statusCode());
        JsonNode view = rig.slack.await("views.open", 1, c -> c.form().get("trigger_id").endsWith("UOPTS")).get(0).jsonField("view");
        Map<String, JsonNode> blocks = new LinkedHashMap<>();
        view.path("blocks").forEach(b -> blocks.put(b.path("block_id").asText(), b));
        assertTrue(blocks.containsKey("title") && blocks.containsKey("tags"), "a webhook takes title: and tags: " + blocks.keySet());
        assertFalse(blocks.containsKey("privacy") || blocks.containsKey("allow"), "no account here uses them: " + blocks.keySet());
        assertEquals("Webhook and YouTube use it; other accounts ignore it.", blocks.get("title").path("hint").path("text").asText());
        String metadata = view.path("private_metadata").asText();

        Map<String, ObjectNode> onlyX = values(List.of(x.shortId()), "Hello", null, null);
        onlyX.put("title", Payloads.textValue("Spring release"));
        JsonNode refused = json(rig.requests.interactivity(Payloads.submission(team, "UOPTS", ComposeModal.CALLBACK, metadata, onlyX)));
        assertTrue(refused.path("errors").path("title").asText().startsWith("title: is for Webhook and YouTube; none of the targets uses it"),
                refused.toString());

        String tomorrow = LocalDate.now(ZoneId.of("UTC")).plusDays(2).toString();
        Map<String, ObjectNode> both = values(List.of(x.shortId(), hook.shortId()), "Our spring release", tomorrow, "09:00");
        both.put("title", Payloads.textValue("Spring release"));
        both.put("tags", Payloads.textValue("launch, #spring"));
        JsonNode closed = json(rig.requests.interactivity(Payloads.submission(team, "UOPTS", ComposeModal.CALLBACK, metadata, both)));
        assertFalse(closed.has("response_action"), "the modal closes: " + closed);
        FakeSlack.Call answer = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/opts")).get(0);
        assertTrue(answer.body().path("text").asText().contains("Scheduled"), answer.json());
        Post post = rig.posts.list(rig.workspaces.find(FrontEnd.SLACK, team).orElseThrow(), PostFilter.UPCOMING, null, 10).get(0);
        assertEquals("Spring release", post.options().title());
        assertEquals(List.of("launch", "spring"), post.options().tags());
    }

    @Test
    void theComposeModalHasATextFieldPerPlatformAndEachTargetIsCheckedAndKeptWithItsOwnText() throws Exception {
        String team = "TSHAPE";
        rig.user("USHAPE", "Sol", "UTC", false);
        Account x = rig.account(team, "USHAPE", "x", "@sol_x");
        Account hook = rig.webhookAccount(team, "USHAPE", "shape.example/hook");
        assertEquals(200, rig.requests.command(team, "USHAPE", "post", rig.slack.responseUrl("shape")).statusCode());
        JsonNode view = rig.slack.await("views.open", 1, c -> c.form().get("trigger_id").endsWith("USHAPE")).get(0).jsonField("view");
        Map<String, JsonNode> blocks = new LinkedHashMap<>();
        view.path("blocks").forEach(b -> blocks.put(b.path("block_id").asText(), b));
        assertTrue(blocks.containsKey("text.x") && blocks.containsKey("text.webhook"), blocks.keySet().toString());
        assertEquals("Text for X", blocks.get("text.x").path("label").path("text").asText());
        assertTrue(blocks.get("text.x").path("element").path("multiline").asBoolean());
        assertTrue(blocks.containsKey("comment"), "X takes a first comment: " + blocks.keySet());
        String metadata = view.path("private_metadata").asText();

        String tomorrow = LocalDate.now(ZoneId.of("UTC")).plusDays(2).toString();
        String long400 = "Spring release. ".repeat(25);
        Map<String, ObjectNode> tooLong = values(List.of(x.shortId(), hook.shortId()), long400, tomorrow, "09:00");
        JsonNode refused = json(rig.requests.interactivity(Payloads.submission(team, "USHAPE", ComposeModal.CALLBACK, metadata, tooLong)));
        assertTrue(refused.path("errors").path("text").asText().startsWith("Too long for X (@sol_x): 400/280"), refused.toString());

        Map<String, ObjectNode> shaped = values(List.of(x.shortId(), hook.shortId()), long400, tomorrow, "09:00");
        shaped.put("text.x", Payloads.textValue("Spring is out\n---\nMore in the blog"));
        JsonNode closed = json(rig.requests.interactivity(Payloads.submission(team, "USHAPE", ComposeModal.CALLBACK, metadata, shaped)));
        assertFalse(closed.has("response_action"), "the modal closes: " + closed);
        FakeSlack.Call answer = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/shape")).get(0);
        String shown = answer.json();
        assertTrue(shown.contains("thread of 2 parts") && shown.contains("Thread of 2 parts (text.x)"), shown);
        Post post = rig.posts.list(rig.workspaces.find(FrontEnd.SLACK, team).orElseThrow(), PostFilter.UPCOMING, null, 10).get(0);
        assertEquals("Spring is out\n---\nMore in the blog", post.options().texts().get(PlatformId.X));
        assertEquals(long400.strip(), post.text().strip());
    }

    private static Map<String, ObjectNode> values(List<String> accounts, String text, String date, String time) {
        Map<String, ObjectNode> v = new LinkedHashMap<>();
        v.put("accounts", Payloads.selected(accounts));
        v.put("text", Payloads.textValue(text));
        v.put("date", Payloads.date(date));
        v.put("time", Payloads.time(time));
        v.put("media", Payloads.textValue(null));
        return v;
    }

    @Test
    void aCancelButtonRunsTheCommandWithItsRightsChecks() throws Exception {
        String team = "TBTN";
        rig.user("UOWNER", "Olga", "UTC", false);
        rig.user("USTRANGER", "Stan", "UTC", false);
        Account hook = rig.webhookAccount(team, "UOWNER", "btn.example/hook");
        JsonNode ack = json(rig.requests.command(team, "UOWNER", "schedule in:3h to:" + hook.shortId() + " Soon", rig.slack.responseUrl("b0")));
        String cancel = ack.path("blocks").findValues("action_id").stream().map(JsonNode::asText)
                .filter(id -> id.startsWith("cancel:")).findFirst().orElseThrow(() -> new AssertionError(ack.toString()));

        json(rig.requests.interactivity(Payloads.button(team, "USTRANGER", cancel, cancel, rig.slack.responseUrl("b1"))));
        FakeSlack.Call refused = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/b1")).get(0);
        assertTrue(refused.body().path("text").asText().contains("or a workspace admin"), refused.json());

        json(rig.requests.interactivity(Payloads.button(team, "UOWNER", cancel, cancel, rig.slack.responseUrl("b2"))));
        FakeSlack.Call done = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/b2")).get(0);
        assertTrue(done.body().path("text").asText().startsWith("Cancelled post"), done.json());
    }

    @Test
    void appHomeShowsUpcomingPostsWithCancelAndAccountsAndAHomeButtonRepublishesIt() throws Exception {
        String team = "THOME";
        rig.user("UHOME", "Hana", "Asia/Tokyo", false);
        Account hook = rig.webhookAccount(team, "UHOME", "home.example/hook");
        json(rig.requests.command(team, "UHOME", "schedule in:5h to:" + hook.shortId() + " For the home tab", rig.slack.responseUrl("h0")));
        UUID ws = rig.workspaces.find(FrontEnd.SLACK, team).orElseThrow();
        Post post = rig.posts.list(ws, PostFilter.UPCOMING, null, 10).get(0);

        json(rig.requests.event(Payloads.event(team, "EvHome1", Payloads.appHomeOpened("UHOME")), null));
        FakeSlack.Call publish = rig.slack.await("views.publish", 1, c -> "UHOME".equals(c.form().get("user_id"))).get(0);
        JsonNode home = publish.jsonField("view");
        assertEquals("home", home.path("type").asText());
        String all = home.toString();
        assertTrue(all.contains(post.shortId()) && all.contains("For the home tab"), all);
        assertTrue(all.contains("\"action_id\":\"cancel:" + post.shortId() + "\""), all);
        assertTrue(all.contains("home.example/hook") && all.contains("Connected accounts"), all);
        assertTrue(home.path("blocks").size() <= 100);

        json(rig.requests.interactivity(Payloads.homeButton(team, "UHOME", "cancel:" + post.shortId())));
        FakeSlack.Call again = rig.slack.await("views.publish", 2, c -> "UHOME".equals(c.form().get("user_id"))).get(1);
        assertTrue(again.jsonField("view").toString().contains("Cancelled post " + post.shortId()), again.form().get("view"));
        assertEquals(PostStatus.CANCELLED, rig.posts.find(ws, post.id()).orElseThrow().status());
    }

    @Test
    void aFormBecomesAModalWhoseSubmissionGoesToTheCommandLayerAndTheSecretIsNeverEchoed() throws Exception {
        String team = "TFORM";
        rig.user("UFORM", "Fay", "UTC", false);
        JsonNode ack = json(rig.requests.command(team, "UFORM", "connect bluesky fay.bsky.social", rig.slack.responseUrl("f0")));
        assertTrue(ack.path("text").asText().contains("Log in to Bluesky"), ack.toString());
        FakeSlack.Call open = rig.slack.await("views.open", 1, c -> c.form().get("trigger_id").endsWith("UFORM")).get(0);
        JsonNode view = open.jsonField("view");
        assertEquals(FormModal.CALLBACK, view.path("callback_id").asText());
        assertEquals(2, view.path("blocks").size());

        Map<String, ObjectNode> values = Map.of("handle", Payloads.textValue("fay.bsky.social"),
                "password", Payloads.textValue("abcd-efgh-ijkl-mnop"));
        json(rig.requests.interactivity(Payloads.submission(team, "UFORM", FormModal.CALLBACK,
                view.path("private_metadata").asText(), values)));
        assertEquals("abcd-efgh-ijkl-mnop", submitted.get("password"));
        FakeSlack.Call answer = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/f0")).get(0);
        assertTrue(answer.json().contains("Connected fay.bsky.social"), answer.json());
        assertTrue(rig.slack.all().stream().noneMatch(c -> String.valueOf(c.form()).contains("abcd-efgh")
                || (c.json() != null && c.json().contains("abcd-efgh"))), "the app password went nowhere");
    }

    @Test
    void myDataArrivesAsAFileInADirectMessage() throws Exception {
        rig.user("UDATA", "Dora", "UTC", false);
        JsonNode ack = json(rig.requests.command("TDATA", "UDATA", "my-data", rig.slack.responseUrl("d0")));
        assertTrue(ack.path("text").asText().contains("direct messages"), ack.toString());
        FakeSlack.Call url = rig.slack.await("files.getUploadURLExternal", 1, c -> "ail-my-data.json".equals(c.form().get("filename"))).get(0);
        assertEquals(Integer.toString(EXPORT.length), url.form().get("length"));
        FakeSlack.Call upload = rig.slack.await("upload", 1).get(0);
        assertArrayEquals(EXPORT, java.util.Arrays.copyOfRange(upload.bytes(), indexOf(upload.bytes(), EXPORT), indexOf(upload.bytes(), EXPORT) + EXPORT.length));
        FakeSlack.Call complete = rig.slack.await("files.completeUploadExternal", 1).get(0);
        assertEquals("DUDATA", complete.form().get("channel_id"), "into the DM opened with conversations.open");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("the upload does not hold the export");
    }

    @Test
    void forgetMeAsksWithAConfirmButtonAndPressingItRunsTheConfirmAction() throws Exception {
        rig.user("UGONE", "Gus", "UTC", false);
        JsonNode ack = json(rig.requests.command("TGONE", "UGONE", "forget-me", rig.slack.responseUrl("g0")));
        JsonNode button = ack.path("blocks").findParents("action_id").stream()
                .filter(b -> b.path("action_id").asText().equals("confirm-forget-me")).findFirst().orElseThrow();
        assertEquals("danger", button.path("style").asText());
        assertTrue(button.has("confirm"), "Slack asks again before the press counts: " + button);
        json(rig.requests.interactivity(Payloads.button("TGONE", "UGONE", "confirm-forget-me", "confirm-forget-me", rig.slack.responseUrl("g1"))));
        FakeSlack.Call done = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/g1")).get(0);
        assertTrue(done.json().contains("Erased everything about UGONE"), done.json());
    }
}
