package com.ailsocialautomation.engine;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.testing.QueuedMessages;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.TokenSet;
import com.ailsocialautomation.store.AccountStatus;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A refresh the platform refuses: the account needs a reconnect, its owner is told once, and posts fail with why. */
class FailedRefreshTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static EngineRig rig;

    /** A platform whose refresh tokens are all refused, and which refuses the access token "stale". */
    static final class RefusingRefresh implements Provider {
        final AtomicInteger refreshes = new AtomicInteger();
        final AtomicInteger publishes = new AtomicInteger();
        /** Targets marked as sent while a refresh, which posts nothing, was out: a run dying there would leave them unknown. */
        final AtomicInteger markedSentDuringRefresh = new AtomicInteger();

        @Override public Platform platform() { return Platform.X; }
        @Override public Profile profile(Credentials c) { return new Profile("1", "ana", "Ana", null, null); }

        @Override
        public TokenSet refresh(Credentials credentials) {
            refreshes.incrementAndGet();
            markedSentDuringRefresh.addAndGet(rig.sql.one("select count(*) from post_targets where state = 'publishing' and sent_at is not null",
                    rs -> rs.getInt(1)).orElseThrow());
            throw new PlatformError(PlatformError.Kind.AUTH_EXPIRED, 400, "X refused the refresh token (invalid_request); reconnect the account", null);
        }

        @Override
        public Published publish(Credentials credentials, PublishRequest request) {
            publishes.incrementAndGet();
            if (credentials.accessToken().reveal().equals("stale")) {
                throw new PlatformError(PlatformError.Kind.AUTH_EXPIRED, 401, "X no longer accepts the access token", null);
            }
            return new Published("1", null, 201);
        }
    }

    @BeforeAll
    static void wire() {
        rig = new EngineRig(pg.dataSource(), pg.vault());
    }

    @AfterAll
    static void unwire() {
        rig.close();
    }

    @AfterEach
    void stop() {
        rig.stopEngines();
    }

    private record Owned(Account account, ChatUser owner) {}

    private Owned account(String access, Instant expiresAt) {
        UUID ws = rig.workspaces.ensure(FrontEnd.CONSOLE, "ws-" + UUID.randomUUID(), "Test");
        ChatUser owner = rig.workspaces.ensureUser(ws, "u-" + UUID.randomUUID(), "Ana");
        Account account = rig.accounts.connect(ws, owner.id(), new NewAccount(PlatformId.X, "x-" + UUID.randomUUID(), "ana", "Ana", null, null, null, null),
                new StoredTokens(Secret.of(access), Secret.of("refresh-token"), expiresAt, null));
        return new Owned(account, owner);
    }

    private Target settled(Post post) throws InterruptedException {
        assertTrue(eventually(Duration.ofSeconds(15), () -> TargetState.FAILED.equals(rig.reload(post).targets().get(0).state())
                || TargetState.PUBLISHED.equals(rig.reload(post).targets().get(0).state())));
        return rig.reload(post).targets().get(0);
    }

    private void assertToldOnce(Owned owned) {
        List<String> reminders = QueuedMessages.where(rig.sql, pg.vault(), "user_id = ? and event_key like 'reconnect:%'", owned.owner().id());
        assertEquals(1, reminders.size(), reminders.toString());
        assertTrue(reminders.get(0).contains("Your x account ana (x, " + owned.account().shortId() + ") needs to be reconnected: "
                + "X refused the refresh token (invalid_request); reconnect the account. Run /ail connect x."), reminders.get(0));
        assertEquals(AccountStatus.NEEDS_RECONNECT, rig.accounts.find(owned.account().workspaceId(), owned.account().id()).orElseThrow().status());
    }

    private Post post(Owned owned, String text) {
        return rig.posts.create(owned.account().workspaceId(), owned.owner().id(), text, List.of(), Instant.now(), null, List.of(owned.account()));
    }

    @Test
    void aRefusedRefreshBeforeExpiryMarksTheAccountAndTellsItsOwnerOnce() throws Exception {
        RefusingRefresh x = new RefusingRefresh();
        rig.startEngine(EngineRig.settings(3), http -> List.of(x));
        Owned owned = account("fresh-for-one-minute", Instant.now().plusSeconds(60)); // inside the 5-minute refresh window
        Target first = settled(post(owned, "one"));
        Target second = settled(post(owned, "two"));
        assertEquals(TargetState.FAILED, first.state());
        assertTrue(first.error().startsWith("The account's access was refused (X refused the refresh token"), first.error());
        assertEquals(TargetState.FAILED, second.state());
        assertEquals("The account needs to be reconnected: run /ail connect x, then Retry.", second.error());
        assertEquals(1, x.refreshes.get(), "the second post does not try again");
        assertEquals(0, x.publishes.get());
        assertEquals(0, x.markedSentDuringRefresh.get(), "the claim's 'sent' mark is cleared before the refresh");
        assertToldOnce(owned);
    }

    @Test
    void aRefusedRefreshAfterA401MarksTheAccountAndTellsItsOwnerOnce() throws Exception {
        RefusingRefresh x = new RefusingRefresh();
        rig.startEngine(EngineRig.settings(3), http -> List.of(x));
        Owned owned = account("stale", Instant.now().plusSeconds(3600));
        Target first = settled(post(owned, "one"));
        settled(post(owned, "two"));
        assertEquals(TargetState.FAILED, first.state());
        assertEquals(1, x.publishes.get(), "the 401 led to one refresh, which was refused");
        assertEquals(1, x.refreshes.get());
        assertToldOnce(owned);
    }
}
