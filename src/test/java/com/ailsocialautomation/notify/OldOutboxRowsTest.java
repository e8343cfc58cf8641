package com.ailsocialautomation.notify;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Workspaces;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Notifications queued before an upgrade are delivered after it. The payload column holds the Reply as the code of
 * the time wrote it: the first outbox (before forms existed) and the code before Reply moved from {@code command}
 * to {@code message}. The rows below are that JSON, byte for byte, inserted as those versions inserted it.
 */
class OldOutboxRowsTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    /** Written by the first outbox: command.Reply(text, fields, buttons, ephemeral, file), no form yet. */
    static final String FIRST_OUTBOX = """
            {"text":"Post p7k2q failed on mastodon (@ana@fosstodon.example): the instance is down",\
            "fields":[{"label":"Post","value":"p7k2q"}],\
            "buttons":[{"label":"Retry","actionId":"retry:p7k2q","style":"PRIMARY"}],"ephemeral":true,"file":null}""";

    /** Written by command.Reply with forms, just before the move to message.Reply. */
    static final String BEFORE_THE_MOVE = """
            {"text":"X holds post p3m9z back until 18:00 UTC (daily limit reached)","fields":[],\
            "buttons":[{"label":"Cancel","actionId":"cancel:p3m9z","style":"DANGER"}],"ephemeral":true,"file":null,"form":null}""";

    static final class Chat implements Notifier {
        final List<Reply> direct = new CopyOnWriteArrayList<>();
        final List<String> origins = new CopyOnWriteArrayList<>();

        @Override
        public FrontEnd frontEnd() {
            return FrontEnd.CONSOLE;
        }

        @Override
        public void direct(String workspaceId, String userId, Reply message) {
            direct.add(message);
        }

        @Override
        public void updateOrigin(String workspaceId, String origin, Reply message) {
            origins.add(origin + " " + message.text());
        }
    }

    @Test
    void messagesQueuedByEarlierVersionsAreDeliveredWithTheirFieldsAndButtons() {
        Sql sql = new Sql(pg.dataSource());
        Workspaces workspaces = new Workspaces(sql);
        UUID ws = workspaces.ensure(FrontEnd.CONSOLE, "ws-" + UUID.randomUUID(), null);
        ChatUser ana = workspaces.ensureUser(ws, "u-" + UUID.randomUUID(), "Ana");
        insert(sql, ana, "failed:old-1", FIRST_OUTBOX, null);
        insert(sql, ana, "delayed:old-2", BEFORE_THE_MOVE, "C1/1700000000.1");

        Chat chat = new Chat();
        assertEquals(2, new NotificationSender(new Outbox(sql, pg.vault()), List.of(chat), Clock.systemUTC()).drain());

        assertEquals(2, chat.direct.size());
        Reply failed = chat.direct.stream().filter(r -> r.text().startsWith("Post p7k2q failed")).findFirst().orElseThrow();
        assertEquals(List.of(new Reply.Field("Post", "p7k2q")), failed.fields());
        assertEquals(List.of(new Reply.Button("Retry", "retry:p7k2q", Reply.Button.Style.PRIMARY)), failed.buttons());
        Reply delayed = chat.direct.stream().filter(r -> r.text().startsWith("X holds")).findFirst().orElseThrow();
        assertEquals(List.of(new Reply.Button("Cancel", "cancel:p3m9z", Reply.Button.Style.DANGER)), delayed.buttons());
        assertEquals(List.of("C1/1700000000.1 X holds post p3m9z back until 18:00 UTC (daily limit reached)"), chat.origins);
        assertEquals(0, sql.one("select count(*) from notifications where sent_at is null", rs -> rs.getInt(1)).orElseThrow());
    }

    private static void insert(Sql sql, ChatUser user, String eventKey, String payload, String origin) {
        sql.update("insert into notifications (id, workspace_id, user_id, event_key, payload, origin, direct) values (?, ?, ?, ?, ?, ?, true)",
                UUID.randomUUID(), user.workspaceId(), user.id(), eventKey, payload, origin);
    }
}
