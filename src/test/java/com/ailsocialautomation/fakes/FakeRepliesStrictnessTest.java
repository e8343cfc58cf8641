package com.ailsocialautomation.fakes;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.message.Privacy;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.HttpLimits;
import com.ailsocialautomation.net.Resolver;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.ReplyTo;
import com.ailsocialautomation.platform.bluesky.BlueskyProvider;
import com.ailsocialautomation.platform.mastodon.MastodonProvider;
import com.ailsocialautomation.platform.threads.ThreadsProvider;
import com.ailsocialautomation.platform.x.XProvider;
import com.ailsocialautomation.platform.TokenSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fakes refuse a reply as their platforms do: to a post that does not exist, that the account may not see, or
 * (Bluesky) named with a cid that is not the record's or a root that is not its parent's root; Threads without the
 * reply permission. What they refuse, the real providers report as a PERMANENT refusal in the platform's words.
 */
class FakeRepliesStrictnessTest {
    private GuardedHttp http;

    @BeforeEach
    void start() {
        http = new GuardedHttp(new UrlGuard(true, Resolver.system()), new HttpLimits(Duration.ofSeconds(2), Duration.ofSeconds(3), 1 << 20));
    }

    @AfterEach
    void stop() {
        http.close();
    }

    private static PublishRequest text(String text, ReplyTo replyTo) {
        return new PublishRequest("p1", text, List.of(), List.of(), UUID.randomUUID(), Instant.now(), PostOptions.NONE, replyTo);
    }

    @Test
    void blueskyRefusesAReplyWhoseCidIsNotTheRecordsOrWhoseRootIsNotItsParentsRoot() {
        try (FakeBluesky pds = FakeBluesky.start()) {
            BlueskyProvider provider = new BlueskyProvider(new GuardedApiClient(http), pds.url(), Clock.systemUTC());
            TokenSet tokens = provider.logIn(pds.url(), FakeBluesky.HANDLE, Secret.of(FakeBluesky.APP_PASSWORD)).tokens();
            Credentials ana = new Credentials(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), pds.url(),
                    FakeBluesky.DID, FakeBluesky.HANDLE, null);
            Published root = provider.publish(ana, text("root", null));
            Published second = provider.publish(ana, text("second", ReplyTo.post(root)));
            Published stale = new Published(root.externalId(), root.url(), 200, null, "bafyreiwrong");
            PlatformError wrongCid = assertThrows(PlatformError.class, () -> provider.publish(ana, text("third", ReplyTo.post(stale))));
            assertTrue(wrongCid.getMessage().contains("cid does not match"), wrongCid.getMessage());
            PlatformError wrongRoot = assertThrows(PlatformError.class,
                    () -> provider.publish(ana, text("third", new ReplyTo(second, second))));
            assertTrue(wrongRoot.getMessage().contains("not the parent's thread root"), wrongRoot.getMessage());
            assertEquals(PlatformError.Kind.PERMANENT, wrongRoot.kind());
            Published third = provider.publish(ana, text("third", new ReplyTo(root, second)));
            assertEquals(List.of("root", "second", "third"),
                    pds.replyChain(root.externalId()).stream().map(r -> r.path("value").path("text").asText()).toList());
            assertTrue(third.cid().startsWith("bafyrei"), "the cid a further reply names");
        }
    }

    @Test
    void mastodonRefusesAReplyToAStatusThatDoesNotExistOrThatTheAccountMayNotSee() {
        try (FakeMastodon m = FakeMastodon.start()) {
            MastodonProvider provider = new MastodonProvider(new GuardedApiClient(http));
            m.signInAs(new FakeMastodon.User("109300000000000002", "bob", "Bob"));
            Credentials bob = new Credentials(Secret.of(m.issue("https://ail.example.com/cb", "write:statuses")), null, null, m.url(),
                    "109300000000000002", "@bob@127.0.0.1", null);
            PostOptions followersOnly = new PostOptions(null, Privacy.FOLLOWERS, List.of(), List.of(), List.of());
            Published hidden = provider.publish(bob, new PublishRequest("p0", "for followers", List.of(), List.of(), UUID.randomUUID(),
                    Instant.now(), followersOnly));
            m.signInAs(new FakeMastodon.User("109300000000000001", "ana", "Ana"));
            Credentials ana = new Credentials(Secret.of(m.issue("https://ail.example.com/cb", "write:statuses")), null, null, m.url(),
                    "109300000000000001", "@ana@127.0.0.1", null);
            for (Published target : List.of(hidden, new Published("999", null, 200))) {
                PlatformError refused = assertThrows(PlatformError.class, () -> provider.publish(ana, text("a reply", ReplyTo.post(target))));
                assertEquals(PlatformError.Kind.PERMANENT, refused.kind());
                assertTrue(refused.getMessage().contains("does not appear to exist"), refused.getMessage());
            }
            Published own = provider.publish(bob, text("bob's own reply", ReplyTo.post(hidden)));
            assertEquals(hidden.externalId(), m.replyChain(hidden.externalId()).get(1).path("in_reply_to_id").asText());
            assertEquals(2, m.statuses().size(), own.externalId());
        }
    }

    @Test
    void xRefusesAReplyToAPostItDoesNotKnow() {
        try (FakeX x = FakeX.start()) {
            XProvider provider = new XProvider(new DirectApiClient(Duration.ofSeconds(5)), x.url(), x.url(), Clock.systemUTC());
            Credentials ana = new Credentials(Secret.of(x.issue().accessToken()), null, null, null, FakeX.USER_ID, FakeX.USERNAME, null);
            PlatformError refused = assertThrows(PlatformError.class,
                    () -> provider.publish(ana, text("a reply", ReplyTo.post(new Published("1234", null, 201)))));
            assertTrue(refused.getMessage().contains("deleted or not visible"), refused.getMessage());
            assertEquals(List.of(), x.posts());
        }
    }

    @Test
    void threadsRefusesAReplyToAnUnknownPostAndAnyReplyWithoutThePermission() {
        try (FakeThreads threads = FakeThreads.start()) {
            ThreadsProvider provider = new ThreadsProvider(new DirectApiClient(Duration.ofSeconds(5)), threads.url(), threads.url(),
                    Clock.systemUTC(), null);
            String token = threads.issueLongLived();
            Credentials ana = new Credentials(Secret.of(token), Secret.of(token), Instant.now().plus(Duration.ofDays(60)), null,
                    FakeThreads.USER_ID, FakeThreads.USERNAME, null);
            Published root = provider.publish(ana, text("root", null));
            PlatformError unknown = assertThrows(PlatformError.class,
                    () -> provider.publish(ana, text("reply", ReplyTo.post(new Published("42", null, 200)))));
            assertTrue(unknown.getMessage().contains("reply_to_id"), unknown.getMessage());
            threads.withoutReplyPermission();
            PlatformError denied = assertThrows(PlatformError.class, () -> provider.publish(ana, text("reply", ReplyTo.post(root))));
            assertTrue(denied.getMessage().contains("permission"), denied.getMessage());
            assertEquals(1, threads.posts().size());
        }
    }
}
