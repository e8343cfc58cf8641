package com.ailsocialautomation.engine;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeBluesky;
import com.ailsocialautomation.fakes.FakeMastodon;
import com.ailsocialautomation.fakes.FakeThreads;
import com.ailsocialautomation.fakes.FakeX;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.TokenSet;
import com.ailsocialautomation.platform.bluesky.BlueskyProvider;
import com.ailsocialautomation.platform.mastodon.MastodonProvider;
import com.ailsocialautomation.platform.threads.ThreadsProvider;
import com.ailsocialautomation.platform.x.XProvider;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.AttemptOutcome;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.PartKind;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetParts;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.QueuedMessages;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Threads and first comments through the real engine and the real providers, against the strict fakes: each part
 * is a reply to the one before, read back from the platform as a chain; a part that fails stops the rest and the
 * author's DM names it; a retry resumes at the next part; a first comment follows the post (the last part).
 */
class ThreadChainTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static EngineRig rig;
    private AutoCloseable fake;
    private UUID workspace;
    private ChatUser author;

    @BeforeAll
    static void wire() {
        rig = new EngineRig(pg.dataSource(), pg.vault());
    }

    @AfterAll
    static void unwire() {
        rig.close();
    }

    @AfterEach
    void stop() throws Exception {
        rig.stopEngines();
        if (fake != null) {
            fake.close();
        }
    }

    private Account connect(PlatformId platform, String externalId, String handle, String instance, StoredTokens tokens) {
        workspace = rig.workspaces.ensure(FrontEnd.CONSOLE, "ws-" + UUID.randomUUID(), "Test");
        author = rig.workspaces.ensureUser(workspace, "u-" + UUID.randomUUID(), "Ana");
        return rig.accounts.connect(workspace, author.id(), new NewAccount(platform, externalId, handle, "Ana", null, instance,
                null, null), tokens);
    }

    private static StoredTokens token(String access) {
        return new StoredTokens(Secret.of(access), null, null, null);
    }

    private Post post(Account account, String text, String comment) {
        PostOptions options = comment == null ? PostOptions.NONE
                : new PostOptions(null, null, List.of(), List.of(), List.of(), comment, Map.of());
        return rig.posts.create(workspace, author.id(), text, options, List.of(), null, Instant.now(), null, List.of(account),
                (tx, id) -> {});
    }

    private void start(Function<com.ailsocialautomation.net.GuardedHttp, Provider> provider) {
        rig.startEngine(EngineRig.settings(3), http -> List.of(provider.apply(http)));
    }

    private Target settled(Post post) throws InterruptedException {
        assertTrue(eventually(Duration.ofSeconds(30), () -> {
            TargetState state = rig.reload(post).targets().get(0).state();
            return state != TargetState.SCHEDULED && state != TargetState.PUBLISHING;
        }), "the target settles");
        return rig.reload(post).targets().get(0);
    }

    private List<TargetParts.Part> parts(Target target) {
        return rig.parts.of(target.workspaceId(), target.id());
    }

    /** The author's DMs once there is one (the DM follows the state change it tells of). */
    private List<String> dms() throws InterruptedException {
        eventually(Duration.ofSeconds(10), () -> !QueuedMessages.of(rig.sql, pg.vault(), author.id()).isEmpty());
        return QueuedMessages.of(rig.sql, pg.vault(), author.id());
    }

    // ---- Mastodon ----

    private FakeMastodon mastodon() {
        FakeMastodon m = FakeMastodon.start();
        fake = m;
        return m;
    }

    private Account mastodonAccount(FakeMastodon m) {
        String token = m.issue("https://ail.example.com/oauth/mastodon/callback", "write:statuses write:media profile");
        return connect(PlatformId.MASTODON, "109300000000000001", "@ana@127.0.0.1", m.url(), token(token));
    }

    @Test
    void aThreePartThreadToMastodonReadsBackAsAChainOfRepliesEachWithItsOwnIdempotencyKey() throws Exception {
        FakeMastodon m = mastodon();
        Account account = mastodonAccount(m);
        Post post = post(account, "One: the news\n---\nTwo: the details\n---\nThree: the link", null);
        start(http -> new MastodonProvider(new GuardedApiClient(http)));

        Target target = settled(post);
        assertEquals(TargetState.PUBLISHED, target.state(), target.error());
        List<JsonNode> chain = m.replyChain(target.externalId());
        assertEquals(List.of("One: the news", "Two: the details", "Three: the link"),
                chain.stream().map(s -> s.path("text_sent").asText()).toList());
        assertEquals(chain.get(0).path("url").asText(), target.url(), "the post's link is the first part's");
        assertEquals(chain.get(1).path("id").asText(), chain.get(2).path("in_reply_to_id").asText());
        List<String> keys = m.received("POST", "/api/v1/statuses").stream().map(r -> r.header("Idempotency-Key")).toList();
        assertEquals(3, keys.size(), "each part sent once");
        assertEquals(target.idempotencyKey().toString(), keys.get(0), "the first part keeps the target's key");
        assertEquals(3, keys.stream().distinct().count(), "each part its own key");
        assertEquals(List.of(1, 2, 3), parts(target).stream().map(TargetParts.Part::number).toList());
        assertEquals(chain.get(2).path("url").asText(), parts(target).get(2).url(), "each part's link is kept for show");

        com.ailsocialautomation.command.Caller caller = new com.ailsocialautomation.command.Caller(
                new com.ailsocialautomation.command.Invocation(FrontEnd.CONSOLE, "ws", "u", "Ana", false, java.time.ZoneOffset.UTC, "console"),
                workspace, author, java.time.ZoneOffset.UTC);
        com.ailsocialautomation.message.Reply shown = new com.ailsocialautomation.command.ListCommands(rig.posts, rig.attempts, rig.media,
                rig.parts).handle(caller, new com.ailsocialautomation.command.ParsedCommand("show", List.of(post.shortId()), Map.of(), ""));
        String line = shown.fields().stream().filter(field -> field.label().startsWith("mastodon")).findFirst().orElseThrow().value();
        for (int i = 0; i < 3; i++) {
            assertTrue(line.contains("part " + (i + 1) + " " + chain.get(i).path("url").asText()), line);
        }
        String mine = new String(new com.ailsocialautomation.privacy.DataExport(rig.sql, pg.vault(), rig.accounts, rig.posts,
                rig.attempts, rig.media, Clock.systemUTC()).export(workspace, author.id()).json(), java.nio.charset.StandardCharsets.UTF_8);
        JsonNode exported = com.ailsocialautomation.Json.MAPPER.readTree(mine).findValue("parts");
        assertEquals("part 3", exported.get(2).path("piece").asText(), "my-data lists the parts");
        assertEquals(chain.get(2).path("url").asText(), exported.get(2).path("url").asText());
    }

    @Test
    void aFirstCommentOnMastodonIsAReplyToTheLastPart() throws Exception {
        FakeMastodon m = mastodon();
        Account account = mastodonAccount(m);
        Post post = post(account, "Part A\n---\nPart B", "Questions welcome below");
        start(http -> new MastodonProvider(new GuardedApiClient(http)));

        Target target = settled(post);
        assertEquals(TargetState.PUBLISHED, target.state(), target.error());
        assertEquals(List.of("Part A", "Part B", "Questions welcome below"),
                m.replyChain(target.externalId()).stream().map(s -> s.path("text_sent").asText()).toList());
        assertEquals(PartKind.COMMENT, parts(target).get(2).kind());
    }

    @Test
    void aCommentMastodonRefusesLeavesThePostPublishedAndTheAuthorIsToldTheCommentFailed() throws Exception {
        FakeMastodon m = mastodon();
        Account account = mastodonAccount(m);
        Post post = post(account, "The announcement", "x".repeat(501)); // over the instance's 500 characters
        start(http -> new MastodonProvider(new GuardedApiClient(http)));

        Target target = settled(post);
        assertEquals(TargetState.PUBLISHED, target.state(), "the post is live whatever became of its comment");
        assertEquals(1, m.statuses().size());
        assertTrue(target.error().startsWith("its first comment was not posted: "), target.error());
        List<String> dms = dms();
        assertEquals(1, dms.size(), dms.toString());
        assertTrue(dms.get(0).contains("is published on mastodon") && dms.get(0).contains(target.url())
                && dms.get(0).contains("but its first comment was not posted"), dms.get(0));
    }

    // ---- Bluesky ----

    @Test
    void aThreePartThreadToBlueskyNamesTheRootAndEachParentWithTheirCids() throws Exception {
        FakeBluesky pds = FakeBluesky.start();
        fake = pds;
        BlueskyProvider login = new BlueskyProvider(new GuardedApiClient(rig.http), pds.url(), Clock.systemUTC());
        TokenSet tokens = login.logIn(pds.url(), FakeBluesky.HANDLE, Secret.of(FakeBluesky.APP_PASSWORD)).tokens();
        Account account = connect(PlatformId.BLUESKY, FakeBluesky.DID, FakeBluesky.HANDLE, pds.url(),
                new StoredTokens(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), tokens.refreshExpiresAt()));
        Post post = post(account, "🧵 First\n---\nSecond\n---\nThird", "Thanks for reading");
        start(http -> new BlueskyProvider(new GuardedApiClient(http), pds.url(), Clock.systemUTC()));

        Target target = settled(post);
        assertEquals(TargetState.PUBLISHED, target.state(), target.error());
        List<JsonNode> chain = pds.replyChain(target.externalId());
        assertEquals(List.of("🧵 First", "Second", "Third", "Thanks for reading"),
                chain.stream().map(r -> r.path("value").path("text").asText()).toList());
        JsonNode root = chain.get(0);
        for (int i = 1; i < chain.size(); i++) {
            JsonNode reply = chain.get(i).path("value").path("reply");
            assertEquals(root.path("uri").asText(), reply.path("root").path("uri").asText());
            assertEquals(root.path("cid").asText(), reply.path("root").path("cid").asText());
            assertEquals(chain.get(i - 1).path("uri").asText(), reply.path("parent").path("uri").asText());
            assertEquals(chain.get(i - 1).path("cid").asText(), reply.path("parent").path("cid").asText());
        }
        assertTrue(target.url().endsWith(root.path("uri").asText().substring(root.path("uri").asText().lastIndexOf('/'))));
    }

    // ---- X ----

    private FakeX x() {
        FakeX f = FakeX.start();
        fake = f;
        return f;
    }

    private Account xAccount(FakeX f) {
        return connect(PlatformId.X, FakeX.USER_ID, FakeX.USERNAME, null, token(f.issue().accessToken()));
    }

    private void startX(FakeX f) {
        start(http -> new XProvider(new DirectApiClient(Duration.ofSeconds(5)), f.url(), f.url(), Clock.systemUTC()));
    }

    private static List<String> texts(List<JsonNode> posts) {
        return posts.stream().map(p -> p.path("text").asText()).toList();
    }

    @Test
    void aThreadToXIsAChainOfRepliesAndItsFirstCommentRepliesToTheLastPart() throws Exception {
        FakeX f = x();
        Account account = xAccount(f);
        Post post = post(account, "1/ Launch day\n---\n2/ What changed\n---\n3/ Thanks", "Docs: https://example.com/docs");
        startX(f);

        Target target = settled(post);
        assertEquals(TargetState.PUBLISHED, target.state(), target.error());
        assertEquals(List.of("1/ Launch day", "2/ What changed", "3/ Thanks", "Docs: https://example.com/docs"),
                texts(f.replyChain(target.externalId())));
        assertEquals("https://x.com/" + FakeX.USERNAME + "/status/" + target.externalId(), target.url());
    }

    @Test
    void aRateLimitOnThePartThreeIsRetriedFromPartThreeWithoutPostingTheFirstTwoAgain() throws Exception {
        FakeX f = x();
        Account account = xAccount(f);
        Post post = post(account, "First of three\n---\nSecond of three\n---\nThird of three", null);
        f.afterRequests("/2/tweets", 2);
        f.rateLimitNext("/2/tweets", Instant.now().plusSeconds(1));
        startX(f);

        Target target = settled(post);
        assertEquals(TargetState.PUBLISHED, target.state(), target.error());
        assertEquals(4, f.received("POST", "/2/tweets").size(), "three parts and the one refused");
        assertEquals(List.of("First of three", "Second of three", "Third of three"), texts(f.posts()), "no part twice");
        assertEquals(List.of("First of three", "Second of three", "Third of three"), texts(f.replyChain(target.externalId())));
        assertEquals(List.of(AttemptOutcome.RATE_LIMITED, AttemptOutcome.PUBLISHED),
                rig.attempts.forTarget(workspace, target.id()).stream().map(a -> a.outcome()).toList());
    }

    @Test
    void aFailedSecondPartStopsTheThirdAndTheDmNamesItAndLinksTheLiveFirstPart() throws Exception {
        FakeX f = x();
        Account account = xAccount(f);
        Post post = post(account, "Same words\n---\nSame words\n---\nNever sent", null); // X refuses duplicate content
        startX(f);

        Target target = settled(post);
        assertEquals(TargetState.FAILED, target.state());
        assertEquals(List.of("Same words"), texts(f.posts()), "part 3 never left");
        String first = "https://x.com/" + FakeX.USERNAME + "/status/" + parts(target).get(0).externalId();
        assertTrue(target.error().contains("part 2 of 3: ") && target.error().contains("part 1 is live: " + first), target.error());
        List<String> dms = dms();
        assertEquals(1, dms.size(), dms.toString());
        assertTrue(dms.get(0).contains("failed on x") && dms.get(0).contains("part 2 of 3")
                && dms.get(0).contains("duplicate content") && dms.get(0).contains("part 1 is live: " + first), dms.get(0));
    }

    /**
     * An engine died with a request of the target out after {@code live} parts were recorded (its execution picked
     * by a scheduler whose heartbeat stopped); a survivor with the X provider, which has no idempotency, revives it.
     */
    private Target revivedWithRequestOut(FakeX f, Post post, int live) throws Exception {
        Target target = post.targets().get(0);
        rig.sql.update("update post_targets set state = 'publishing', started_at = now(), attempts = 1 where id = ?", target.id());
        for (int n = 1; n <= live; n++) {
            rig.parts.record(workspace, target.id(), new TargetParts.Part(PartKind.PART, n, "19000000000000000" + n,
                    "https://x.com/" + FakeX.USERNAME + "/status/19000000000000000" + n, null, Instant.now()));
        }
        rig.sql.update("update post_targets set sent_at = now() where id = ?", target.id()); // the next request left
        rig.pickedByADeadEngine(target);
        startX(f);
        return settled(post);
    }

    @Test
    void revivedWithPartThreeOutOnAPlatformWithoutIdempotencyTheTargetIsUnknownAndTheDmSaysWhichPartAndWhatIsLive() throws Exception {
        FakeX f = x();
        Account account = xAccount(f);
        Post post = post(account, "One\n---\nTwo\n---\nThree", null);
        Target target = revivedWithRequestOut(f, post, 2);
        assertEquals(TargetState.UNKNOWN, target.state());
        assertEquals(0, f.received("POST", "/2/tweets").size(), "nothing sent blindly");
        List<String> dms = dms();
        assertEquals(1, dms.size(), dms.toString());
        assertTrue(dms.get(0).contains("part 3 of 3 was in flight (parts 1-2 are live, from https://x.com/" + FakeX.USERNAME
                + "/status/190000000000000001)"), dms.get(0));
    }

    @Test
    void revivedWithOnlyTheFirstCommentOutThePostIsPublishedAndTheAuthorIsAskedToCheckTheComment() throws Exception {
        FakeX f = x();
        Account account = xAccount(f);
        Post post = post(account, "The whole post", "A comment");
        Target target = revivedWithRequestOut(f, post, 1);
        assertEquals(TargetState.PUBLISHED, target.state());
        assertEquals("190000000000000001", target.externalId());
        assertTrue(target.error().contains("its first comment may or may not have been posted"), target.error());
        assertEquals(0, f.received("POST", "/2/tweets").size());
        List<String> dms = dms();
        assertEquals(1, dms.size(), dms.toString());
        assertTrue(dms.get(0).contains("is published on x") && dms.get(0).contains("first comment may or may not"), dms.get(0));
    }

    // ---- LinkedIn and Facebook: comments of their own ----

    @Test
    void aFirstCommentOnLinkedInGoesThroughTheCommentsApiOnceThePostIsLive() throws Exception {
        com.ailsocialautomation.fakes.FakeLinkedIn linkedin = com.ailsocialautomation.fakes.FakeLinkedIn.start();
        fake = linkedin;
        Account account = connect(PlatformId.LINKEDIN, com.ailsocialautomation.fakes.FakeLinkedIn.MEMBER_ID, "Ada Lovelace", null,
                token(linkedin.issue().accessToken()));
        Post post = post(account, "We are hiring engineers", "Apply: https://example.com/jobs");
        start(http -> new com.ailsocialautomation.platform.linkedin.LinkedInProvider(new DirectApiClient(Duration.ofSeconds(5)),
                linkedin.url(), linkedin.url(), "202603", Clock.systemUTC()));

        Target target = settled(post);
        assertEquals(TargetState.PUBLISHED, target.state(), target.error());
        assertEquals(1, linkedin.posts().size());
        JsonNode comment = linkedin.comments().get(0);
        assertEquals(target.externalId(), comment.path("object").asText());
        assertEquals("Apply: https://example.com/jobs", comment.path("message").path("text").asText());
        assertEquals(PartKind.COMMENT, parts(target).get(1).kind());
    }

    @Test
    void aFirstCommentOnAFacebookPageIsMadeByThePageUnderItsPost() throws Exception {
        com.ailsocialautomation.fakes.FakeGraph graph = com.ailsocialautomation.fakes.FakeGraph.start("https://ail.example.com");
        fake = graph;
        com.ailsocialautomation.platform.PlatformApp app = new com.ailsocialautomation.platform.PlatformApp(
                com.ailsocialautomation.fakes.FakeGraph.APP_ID, Secret.of(com.ailsocialautomation.fakes.FakeGraph.APP_SECRET),
                graph.url(), graph.url(), null);
        Function<com.ailsocialautomation.net.GuardedHttp, Provider> facebook = http -> new com.ailsocialautomation.platform.meta.FacebookProvider(
                new com.ailsocialautomation.platform.meta.MetaGraph(new DirectApiClient(Duration.ofSeconds(5)), app, Clock.systemUTC()));
        Provider login = facebook.apply(rig.http);
        com.ailsocialautomation.platform.ClientApp client = new com.ailsocialautomation.platform.ClientApp(app.clientId(), app.clientSecret());
        String redirect = "https://ail.example.com/oauth/facebook/callback";
        com.ailsocialautomation.fakes.FakeGraph.Callback back = graph.approve(login.authorizeUrl(
                new com.ailsocialautomation.platform.AuthorizeRequest("st4te", null, redirect, null, client)));
        TokenSet user = login.exchangeCode(new com.ailsocialautomation.platform.CodeExchange(Secret.of(back.code()), null, redirect, null, client));
        Secret pageToken = login.choices(new com.ailsocialautomation.platform.Credentials(user.accessToken(), null, null, null, null, null,
                client)).get(0).tokens().accessToken();
        Account account = connect(PlatformId.FACEBOOK, "501", "quinterobakery", null, new StoredTokens(pageToken, null, null, null));
        Post post = post(account, "Fresh bread at 7", "Order ahead: https://example.com/order");
        start(facebook);

        Target target = settled(post);
        assertEquals(TargetState.PUBLISHED, target.state(), target.error());
        assertEquals(List.of(new com.ailsocialautomation.fakes.FakeGraph.Comment(parts(target).get(1).externalId(), target.externalId(),
                "Order ahead: https://example.com/order")), graph.comments());
    }

    @Test
    void aPostWhosePartOneIsLiveCannotBeEditedWhileItWaitsToRetryTheRest() {
        FakeX f = x();
        Account account = xAccount(f);
        Post post = post(account, "One\n---\nTwo", null); // no engine runs: the test moves the target itself
        Target target = post.targets().get(0);
        rig.sql.update("update post_targets set state = 'publishing' where id = ?", target.id());
        rig.parts.record(workspace, target.id(), new TargetParts.Part(PartKind.PART, 1, "190000000000000001", null, null, Instant.now()));
        rig.sql.update("update post_targets set state = 'scheduled' where id = ?", target.id()); // a passing failure on part 2
        assertTrue(!rig.posts.edit(workspace, post.id(), "Something else", null, (tx, id) -> {}), "what is live stays as it went");
        assertEquals("One\n---\nTwo", rig.reload(post).text());
        // left due, the target would be published by the next test's engine, at that test's fake
        rig.sql.update("update post_targets set state = 'cancelled' where id = ?", target.id());
    }

    // ---- Threads ----

    @Test
    void aThreadToThreadsPublishesEachPartAsAReplyContainerToThePartBefore() throws Exception {
        FakeThreads threads = FakeThreads.start();
        fake = threads;
        Account account = connect(PlatformId.THREADS, FakeThreads.USER_ID, FakeThreads.USERNAME, null, token(threads.issueLongLived()));
        Post post = post(account, "Opening\n---\nMiddle\n---\nClosing", null);
        start(http -> new ThreadsProvider(new DirectApiClient(Duration.ofSeconds(5)), threads.url(), threads.url(), Clock.systemUTC(), null));

        Target target = settled(post);
        assertEquals(TargetState.PUBLISHED, target.state(), target.error());
        List<FakeThreads.Post> chain = threads.replyChain(target.externalId());
        assertEquals(List.of("Opening", "Middle", "Closing"), chain.stream().map(FakeThreads.Post::text).toList());
        assertEquals(null, chain.get(0).replyTo());
        assertNotEquals(chain.get(1).id(), chain.get(2).id());
        assertEquals(chain.get(1).id(), chain.get(2).replyTo());
    }
}
