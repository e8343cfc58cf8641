package com.ailsocialautomation.notify;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.testing.QueuedMessages;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Workspaces;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotificationSenderTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    /** A chat platform that answers 429 with Retry-After for its first {@code limited} calls. */
    static final class RateLimitedChat implements Notifier {
        final List<String> delivered = new CopyOnWriteArrayList<>();
        final List<String> originUpdates = new CopyOnWriteArrayList<>();
        final AtomicInteger refusals;

        RateLimitedChat(int limited) {
            refusals = new AtomicInteger(limited);
        }

        @Override
        public FrontEnd frontEnd() {
            return FrontEnd.CONSOLE;
        }

        @Override
        public void direct(String workspaceId, String userId, Reply message) {
            if (refusals.getAndDecrement() > 0) {
                throw new DeliveryError("429 Too Many Requests", Instant.now().plusMillis(300), false);
            }
            delivered.add(userId + ": " + message.text());
        }

        @Override
        public void updateOrigin(String workspaceId, String origin, Reply message) {
            originUpdates.add(origin + ": " + message.text());
        }
    }

    private ChatUser user(Workspaces workspaces) {
        UUID ws = workspaces.ensure(FrontEnd.CONSOLE, "ws-" + UUID.randomUUID(), null);
        return workspaces.ensureUser(ws, "u-" + UUID.randomUUID(), "Ana");
    }

    @Test
    void aBurstOfFailuresLosesNoMessageWhenTheChatPlatformRateLimits() throws Exception {
        Sql sql = new Sql(pg.dataSource());
        Workspaces workspaces = new Workspaces(sql);
        Outbox outbox = new Outbox(sql, pg.vault());
        ChatUser ana = user(workspaces);
        for (int i = 0; i < 30; i++) {
            outbox.add(ana.workspaceId(), ana.id(), "failed:" + i, Reply.of("post " + i + " failed"), null);
        }
        RateLimitedChat chat = new RateLimitedChat(10);
        try (NotificationSender sender = new NotificationSender(outbox, List.of(chat), Clock.systemUTC()).start(Duration.ofMillis(50))) {
            assertTrue(eventually(Duration.ofSeconds(20), () -> chat.delivered.size() == 30), "delivered " + chat.delivered.size());
            Thread.sleep(1000); // twenty polls: a message sent twice would show by now
        }
        // counted, not made distinct: a second delivery of any message fails (breakage tried: the sent row not deleted)
        assertEquals(30, chat.delivered.size(), "each message once, none twice: " + chat.delivered);
        assertEquals(30, chat.delivered.stream().distinct().count(), "every message, each a different one");
    }

    @Test
    void oneEventIsQueuedOnceHoweverOftenItIsAnnounced() {
        Sql sql = new Sql(pg.dataSource());
        Outbox outbox = new Outbox(sql, pg.vault());
        ChatUser ana = user(new Workspaces(sql));
        assertTrue(outbox.add(ana.workspaceId(), ana.id(), "failed:t1:1", Reply.of("first"), null));
        assertFalse(outbox.add(ana.workspaceId(), ana.id(), "failed:t1:1", Reply.of("again"), null));
        RateLimitedChat chat = new RateLimitedChat(0);
        NotificationSender sender = new NotificationSender(outbox, List.of(chat), Clock.systemUTC());
        sender.drain();
        sender.drain();
        assertEquals(List.of(ana.externalId() + ": first"), chat.delivered);
    }

    @Test
    void aPublishedPostUpdatesTheOriginalReplyWithoutADirectMessage() {
        Sql sql = new Sql(pg.dataSource());
        Outbox outbox = new Outbox(sql, pg.vault());
        ChatUser ana = user(new Workspaces(sql));
        outbox.updateOrigin(ana.workspaceId(), ana.id(), "published:t2", Reply.of("Post p1 is published"), "C1/1234.5");
        RateLimitedChat chat = new RateLimitedChat(0);
        new NotificationSender(outbox, List.of(chat), Clock.systemUTC()).drain();
        assertEquals(List.of(), chat.delivered);
        assertEquals(List.of("C1/1234.5: Post p1 is published"), chat.originUpdates);
    }

    @Test
    void aSentMessageKeepsNoContentInTheDatabase() {
        Sql sql = new Sql(pg.dataSource());
        Outbox outbox = new Outbox(sql, pg.vault());
        ChatUser ana = user(new Workspaces(sql));
        outbox.add(ana.workspaceId(), ana.id(), "failed:t3:1", Reply.of("secret launch text failed"), null);
        new NotificationSender(outbox, List.of(new RateLimitedChat(0)), Clock.systemUTC()).drain();
        assertEquals(List.of(true), sql.list("select payload is null and payload_enc is null from notifications where user_id = ?",
                rs -> rs.getBoolean(1), ana.id()));
    }

    @Test
    void aConsoleMessageWaitsForTheNextConsoleStartInsteadOfBeingDropped() throws Exception {
        Sql sql = new Sql(pg.dataSource());
        Outbox outbox = new Outbox(sql, pg.vault());
        ChatUser ana = user(new Workspaces(sql));
        outbox.add(ana.workspaceId(), ana.id(), "failed:t4:1", Reply.of("Post p4 failed while you were away"), null);
        new NotificationSender(outbox, List.of(), Clock.systemUTC()).drain(); // AIL runs as serve: no console
        assertEquals(List.of(false), sql.list("select sent_at is not null from notifications where user_id = ?",
                rs -> rs.getBoolean(1), ana.id()), "kept, not dropped");

        RateLimitedChat console = new RateLimitedChat(0);
        try (NotificationSender sender = new NotificationSender(outbox, List.of(console), Clock.systemUTC())
                .start(Duration.ofMillis(50))) {
            assertTrue(eventually(Duration.ofSeconds(10), () -> console.delivered.contains(
                    ana.externalId() + ": Post p4 failed while you were away")), "shown at the next console start");
        }
    }
}
