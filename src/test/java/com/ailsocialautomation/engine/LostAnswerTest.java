package com.ailsocialautomation.engine;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.testing.QueuedMessages;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeLinkedIn;
import com.ailsocialautomation.fakes.FakeX;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.linkedin.LinkedInProvider;
import com.ailsocialautomation.platform.x.XProvider;
import com.ailsocialautomation.store.AttemptOutcome;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Attempt;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * X and LinkedIn honour no idempotency key: a post whose answer is lost is never sent again blindly. The target
 * becomes unknown and its author is asked to check; only a failure before the request left is retried.
 */
class LostAnswerTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    EngineRig rig;
    FakeX x;
    FakeLinkedIn linkedin;
    UUID workspace;
    ChatUser user;

    @BeforeEach
    void setUp() {
        rig = new EngineRig(pg.dataSource(), pg.vault());
        x = FakeX.start();
        linkedin = FakeLinkedIn.start();
        workspace = rig.workspaces.ensure(FrontEnd.CONSOLE, "ws-" + UUID.randomUUID(), "Test");
        user = rig.workspaces.ensureUser(workspace, "u-" + UUID.randomUUID(), "Ana");
    }

    @AfterEach
    void tearDown() {
        rig.close();
        x.close();
        linkedin.close();
    }

    private void startEngine(String xUrl) {
        rig.startEngine(EngineRig.settings(4), http -> List.of(
                new XProvider(new DirectApiClient(TIMEOUT), xUrl, xUrl, Clock.systemUTC()),
                new LinkedInProvider(new DirectApiClient(TIMEOUT), linkedin.url(), linkedin.url(), "202603", Clock.systemUTC())));
    }

    private Account xAccount() {
        return rig.accounts.connect(workspace, user.id(), new NewAccount(PlatformId.X, FakeX.USER_ID, FakeX.USERNAME, "Ana", null, null, null, null),
                new StoredTokens(Secret.of(x.issue().accessToken()), null, null, null));
    }

    private Account linkedInAccount() {
        return rig.accounts.connect(workspace, user.id(), new NewAccount(PlatformId.LINKEDIN, FakeLinkedIn.MEMBER_ID, "Ada Lovelace", "Ada Lovelace",
                null, null, null, null), new StoredTokens(Secret.of(linkedin.issue().accessToken()), null, null, null));
    }

    private Target target(Post post) {
        return rig.reload(post).targets().get(0);
    }

    private List<String> dms() {
        return QueuedMessages.of(rig.sql, pg.vault(), user.id());
    }

    private void assertUnknownAfterOnePost(Post post, IntSupplier postsAtPlatform) throws Exception {
        assertTrue(eventually(Duration.ofSeconds(20), () -> TargetState.UNKNOWN.equals(target(post).state())), () -> "unknown, not " + target(post));
        Thread.sleep(1500); // a blind retry would have gone out by now
        assertEquals(1, postsAtPlatform.getAsInt(), "the platform has the post exactly once");
        List<Attempt> log = rig.attempts.forTarget(workspace, target(post).id());
        assertEquals(List.of(AttemptOutcome.UNKNOWN), log.stream().map(Attempt::outcome).toList());
        assertTrue(target(post).error().contains("check whether it went out"), target(post).error());
        assertTrue(eventually(Duration.ofSeconds(5), () -> dms().size() == 1));
        String dm = dms().get(0);
        assertTrue(dm.contains("may or may not have been published") && dm.contains("retry:" + post.shortId())
                && dm.contains("cancel:" + post.shortId()), dm);
    }

    @Test
    void anXPostAcceptedWithoutAnAnswerIsNotSentAgainAndTheAuthorIsAskedToCheck() throws Exception {
        Account account = xAccount();
        x.actThenStaySilent("/2/tweets", Duration.ofSeconds(4));
        Post post = rig.posts.create(workspace, user.id(), "did it go out?", List.of(), Instant.now(), null, List.of(account));
        startEngine(x.url());
        assertUnknownAfterOnePost(post, () -> x.posts().size());
        assertEquals(1, x.received("POST", "/2/tweets").size());
    }

    @Test
    void aLinkedInPostAcceptedWithoutAnAnswerIsNotSentAgainAndTheAuthorIsAskedToCheck() throws Exception {
        Account account = linkedInAccount();
        linkedin.actThenStaySilent("/rest/posts", Duration.ofSeconds(4));
        Post post = rig.posts.create(workspace, user.id(), "did it go out?", List.of(), Instant.now(), null, List.of(account));
        startEngine(x.url());
        assertUnknownAfterOnePost(post, () -> linkedin.posts().size());
        assertEquals(1, linkedin.received("POST", "/rest/posts").size());
    }

    @Test
    void aRefusedConnectionIsRetriedBecauseNothingLeft() throws Exception {
        Account account = xAccount();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        startEngine("http://127.0.0.1:" + closedPort);
        Post post = rig.posts.create(workspace, user.id(), "nobody listens", List.of(), Instant.now(), null, List.of(account));
        // the attempt is logged just after the target's state is written
        assertTrue(eventually(Duration.ofSeconds(30), () -> TargetState.FAILED.equals(target(post).state())
                && rig.attempts.forTarget(workspace, target(post).id()).size() == 4), () -> "failed, not " + target(post));
        List<Attempt> log = rig.attempts.forTarget(workspace, target(post).id());
        assertEquals(List.of(AttemptOutcome.TRANSIENT, AttemptOutcome.TRANSIENT, AttemptOutcome.TRANSIENT, AttemptOutcome.FAILED), log.stream().map(Attempt::outcome).toList());
        assertTrue(target(post).error().startsWith("Gave up after 4 attempts"), target(post).error());
    }
}
