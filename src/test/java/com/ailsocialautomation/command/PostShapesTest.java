package com.ailsocialautomation.command;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.PostOption;
import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.RawTables;
import com.ailsocialautomation.testing.Units;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One post in many shapes through the command layer and the store: a first comment (comment:), per-target texts
 * (text.&lt;platform&gt;:) and thread parts, each validated against its own target's rule, kept encrypted with the
 * post, shown, edited and exported. Accounts are stored directly; the posts are scheduled hours ahead, so nothing
 * is published (the engine's side has its own tests).
 */
class PostShapesTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    Units units;
    final Invocation ana =
            new Invocation(FrontEnd.DISCORD, "G-" + UUID.randomUUID(), "U-ana", "Ana", false, null, null);

    @BeforeEach
    void start() {
        units = Units.over(pg).build();
    }

    @AfterEach
    void stop() {
        units.close();
    }

    @Test
    void aCommentIsRefusedNamingTheAccountThatCannotTakeItAndNothingIsKept() {
        connect(PlatformId.MASTODON, "@ana@fosstodon.org");
        connect(PlatformId.WEBHOOK, "Blog");
        String refused = run("schedule in:2h to:mastodon,webhook comment:\"Details below\" Hello");
        assertEquals("comment: is for Mastodon, Bluesky, X, LinkedIn, Facebook and Instagram; Webhook (Blog) takes no "
                + "first comment. Leave comment: out, or leave that account out with to:.", refused);
        assertEquals(0, count(), "nothing was kept");
    }

    @Test
    void aCommentIsCountedAgainstEachTargetsOwnRule() {
        connect(PlatformId.X, "@ana");
        connect(PlatformId.LINKEDIN, "Ana Lima");
        String comment = "a".repeat(300);
        String refused = run("schedule in:2h to:x,linkedin comment:\"" + comment + "\" Hello");
        assertEquals("Too long for the comment on X (@ana): 300/280 — shorten by 20 characters.", refused);
        assertEquals(0, count());
        String blank = run("schedule in:2h to:x comment:\" \" Hello");
        assertTrue(blank.startsWith("Missing value after comment:"), blank);
    }

    @Test
    void aCommentIsKeptEncryptedShownEditableAndExported() throws Exception {
        connect(PlatformId.MASTODON, "@ana@fosstodon.org");
        connect(PlatformId.LINKEDIN, "Ana Lima");
        String secret = "Tickets at the door " + UUID.randomUUID();
        String reply = run("schedule in:2h to:mastodon,linkedin comment:\"" + secret + "\" Doors open at 18:00");
        assertTrue(reply.contains(secret + "\n(on Mastodon (@ana@fosstodon.org), LinkedIn (Ana Lima))"), reply);
        assertEquals(List.of(), RawTables.rowsContaining(pg.dataSource(), secret), "the comment is encrypted at rest");
        String id = postId(reply);

        String edited = run("edit " + id + " comment:\"Tickets online\"");
        assertTrue(edited.contains("has comment:\"Tickets online\" and now reads: Doors open at 18:00"), edited);
        assertTrue(run("show " + id).contains("comment:\"Tickets online\""), run("show " + id));

        Reply export = units.commandLayer.commands.run(ana, "my-data");
        JsonNode post = Json.MAPPER.readTree(export.file().content()).at("/posts/0");
        assertEquals("Tickets online", post.path("options").path("comment").asText());
    }

    @Test
    void aDefaultTextThatFitsMastodonAndLinkedInButNotXIsAcceptedWithAShortTextOfXsOwn() {
        connect(PlatformId.X, "@ana");
        connect(PlatformId.LINKEDIN, "Ana Lima");
        connect(PlatformId.MASTODON, "@ana@fosstodon.org");
        String long400 = "Spring release. ".repeat(25);
        String refused = run("schedule in:2h to:x,linkedin,mastodon " + long400);
        assertEquals("Too long for X (@ana): 399/280 — shorten by 119 characters, or leave it out with to:", refused);
        assertEquals(0, count());

        String reply = run("schedule in:2h to:x,linkedin,mastodon text.x:\"Spring is out: https://example.com/spring\" " + long400);
        assertTrue(reply.startsWith("Post p"), reply);
        assertEquals(1, count());
        String alias = run("schedule in:2h to:x,mastodon text.twitter:\"Short for X\" " + long400);
        assertTrue(alias.startsWith("Post p"), "text.<alias>: names the platform too: " + alias);
    }

    @Test
    void aTextForAPlatformThatIsNotAmongTheTargetsOrForNoPlatformIsRefused() {
        connect(PlatformId.X, "@ana");
        connect(PlatformId.MASTODON, "@ana@fosstodon.org");
        assertEquals("text.linkedin: is the text for LinkedIn, which is not among the targets (X (@ana), Mastodon "
                + "(@ana@fosstodon.org)). Add a LinkedIn account with to:, or leave text.linkedin: out.",
                run("schedule in:2h to:x,mastodon text.linkedin:\"For LinkedIn\" Hello"));
        String unknown = run("schedule in:2h to:x text.myspace:\"Hi\" Hello");
        assertTrue(unknown.startsWith("'text.myspace:' names no platform; write text.<platform>: with one of mastodon, "), unknown);
        assertEquals("Two texts for X; give text.x: once.", run("schedule in:2h to:x text.x:One text.twitter:Two Hello"));
        assertEquals(0, count());
    }

    @Test
    void discordsMoreOptionTakesPerTargetTextsAndTheCommentAsTheTextGrammarDoes() {
        assertEquals(java.util.Map.of("text.x", List.of("Short one"), "comment", List.of("Hi")),
                CommandParser.typedOptions("post", "text.x:\"Short one\" comment:Hi"));
        assertEquals("Short one", CommandParser.parse("edit p2345 text.x:\"Short one\"").option("text.x"),
                "an edit giving only a platform's text keeps the post's text");
    }

    @Test
    void eachPartOfAThreadIsCheckedOnItsOwnAndNamedByNumber() {
        connect(PlatformId.X, "@ana");
        connect(PlatformId.MASTODON, "@ana@fosstodon.org");
        String tooLong = run("schedule in:2h to:x,mastodon First part\n---\n" + "b".repeat(300) + "\n---\nThird part");
        assertEquals("Too long for X (@ana), part 2: 300/280 — shorten by 20 characters, or leave it out with to:", tooLong);
        String empty = run("schedule in:2h to:x,mastodon First part\n---\n\n---\nThird part");
        assertEquals("Part 2 of the thread for X (@ana) is empty — write it, or remove the --- line around it; part 2 of "
                + "the thread for Mastodon (@ana@fosstodon.org) is empty — write it, or remove the --- line around it; or "
                + "leave those accounts out with to:", empty);
        assertEquals(0, count());
        String accepted = run("schedule in:2h to:x,mastodon First part\n---\nSecond part\n---\nThird part");
        assertTrue(accepted.startsWith("Post p"), accepted);
    }

    @Test
    void aThreadToLinkedInIsRefusedSayingToGiveItItsOwnText() {
        connect(PlatformId.X, "@ana");
        connect(PlatformId.LINKEDIN, "Ana Lima");
        String thread = "First part\n---\nSecond part";
        assertEquals("LinkedIn (Ana Lima) has no threads, and its text is 2 parts separated by --- lines: give it one "
                + "text of its own with text.linkedin:\"...\", or leave it out with to:", run("schedule in:2h to:x,linkedin " + thread));
        assertEquals(0, count());
        String accepted = run("schedule in:2h to:x,linkedin text.linkedin:\"Both parts in one post\" " + thread);
        assertTrue(accepted.startsWith("Post p"), accepted);
    }

    @Test
    void aPerTargetTextIsKeptEncryptedEditedCheckedAgainOnEditAndExported() throws Exception {
        connect(PlatformId.X, "@ana");
        connect(PlatformId.MASTODON, "@ana@fosstodon.org");
        String secret = "Short for X " + UUID.randomUUID();
        String id = postId(run("schedule in:2h to:x,mastodon text.x:\"" + secret + "\" The long version for Mastodon"));
        assertEquals(List.of(), RawTables.rowsContaining(pg.dataSource(), secret), "the text of X is encrypted at rest");

        String refused = run("edit " + id + " text.x:\"" + "c".repeat(290) + "\"");
        assertEquals("Too long for X (@ana): 290/280 — shorten by 10 characters, or leave it out with to:", refused);
        String edited = run("edit " + id + " text.x:\"Shorter for X\"");
        assertTrue(edited.contains("has text.x:\"Shorter for X\""), edited);
        String shown = run("show " + id);
        assertTrue(shown.contains("text.x:\"Shorter for X\""), shown);
        assertTrue(shown.contains("The long version for Mastodon"), shown);

        Reply export = units.commandLayer.commands.run(ana, "my-data");
        JsonNode post = Json.MAPPER.readTree(export.file().content()).at("/posts/0");
        assertEquals("Shorter for X", post.path("options").path("text.x").asText());
    }

    @Test
    void thePreviewShowsEachTargetAsItWillBeSentCountedAsItsPlatformCounts() {
        connect(PlatformId.X, "@ana");
        connect(PlatformId.LINKEDIN, "Ana Lima");
        connect(PlatformId.MASTODON, "@ana@fosstodon.org");
        String long400 = "Spring release. ".repeat(25);
        Reply reply = units.commandLayer.commands.run(ana, "schedule in:2h to:x,linkedin,mastodon "
                + "text.x:\"Short one https://example.com/a/very/long/path/to/the/spring/release/notes\" "
                + "text.mastodon:\"One\n---\nTwo\" comment:\"Tickets below\" " + long400);
        assertTrue(reply.text().contains(" · thread of 2 parts\n\n" + long400.strip()), reply.text());
        assertEquals("text.x: Short one https://example.com/a/very/long/path/to/the/spring/release/notes\n"
                + "33/280 characters; its link counts as 23 (X shortens links to t.co)", field(reply, "X (@ana)"));
        assertEquals("399/3000 characters", field(reply, "LinkedIn (Ana Lima)"));
        assertEquals("Thread of 2 parts (text.mastodon)\n1/2 One — 3/500\n2/2 Two — 3/500",
                field(reply, "Mastodon (@ana@fosstodon.org)"));
        assertEquals("Tickets below\n(on X (@ana), LinkedIn (Ana Lima), Mastodon (@ana@fosstodon.org))", field(reply, "First comment"));
        assertEquals(1, reply.toPlainText().split("Tickets below", -1).length - 1, "the comment is shown once: " + reply.toPlainText());
    }

    @Test
    void theRegistryDeclaresWhichPlatformsThreadAndTakeAComment() {
        assertEquals(List.of(Platform.MASTODON, Platform.BLUESKY, Platform.X, Platform.THREADS),
                java.util.Arrays.stream(Platform.values()).filter(p -> p.rule().threads()).toList());
        assertEquals(List.of(Platform.MASTODON, Platform.BLUESKY, Platform.X, Platform.LINKEDIN, Platform.FACEBOOK,
                Platform.INSTAGRAM), Platform.using(PostOption.COMMENT));
        // options stored before comment: and text.<platform>: existed still read
        PostOptions old = PostOptions.fromJson("{\"title\":\"Spring\",\"privacy\":null,\"tags\":[],\"allow\":[],\"disclose\":[]}");
        assertEquals("Spring", old.title());
        assertEquals(null, old.comment());
        assertEquals(java.util.Map.of(), old.texts());
        PostOptions both = new PostOptions(null, null, null, null, null, "First", java.util.Map.of(PlatformId.X, "Short"));
        assertEquals(both, PostOptions.fromJson(both.toJson()));
    }

    static String field(Reply reply, String name) {
        return reply.fields().stream().filter(f -> f.label().equals(name)).map(Reply.Field::value).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + name + " in " + reply.fields()));
    }

    String run(String line) {
        return units.commandLayer.commands.run(ana, line).toPlainText();
    }

    UUID workspace() {
        return units.store.workspaces.ensure(ana.frontEnd(), ana.workspaceId(), "Test");
    }

    int count() {
        return units.store.sql.one("select count(*) from posts where workspace_id = ?", rs -> rs.getInt(1), workspace()).orElseThrow();
    }

    /** An account stored as a connection stores it; its token is never used (nothing is published here). */
    void connect(PlatformId platform, String handle) {
        UUID ws = workspace();
        ChatUser owner = units.store.workspaces.ensureUser(ws, ana.userId(), ana.displayName());
        units.store.accounts.connect(ws, owner.id(), new NewAccount(platform, platform.id() + UUID.randomUUID().hashCode(),
                        handle, "Ana", null, platform == PlatformId.MASTODON ? "https://fosstodon.org" : null, "write", null),
                new StoredTokens(Secret.of("token-" + UUID.randomUUID()), null, null, null));
    }

    static String postId(String reply) {
        Matcher m = Pattern.compile("Post (p[a-z2-9]{4})").matcher(reply);
        assertTrue(m.find(), reply);
        return m.group(1);
    }
}
