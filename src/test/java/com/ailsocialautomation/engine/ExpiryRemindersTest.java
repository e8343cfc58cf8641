package com.ailsocialautomation.engine;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.testing.QueuedMessages;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Workspaces;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpiryRemindersTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    @Test
    void theOwnerOfALinkedInConnectionWithoutRefreshTokenIsRemindedOnceAWeekBeforeItExpires() {
        Sql sql = new Sql(pg.dataSource());
        Workspaces workspaces = new Workspaces(sql);
        Accounts accounts = new Accounts(sql, pg.vault());
        UUID ws = workspaces.ensure(FrontEnd.SLACK, "T-" + UUID.randomUUID(), null);
        ChatUser owner = workspaces.ensureUser(ws, "U-OWNER", "Owner");
        Instant now = Instant.parse("2026-12-01T09:00:00Z");
        Account soon = accounts.connect(ws, owner.id(), new NewAccount(PlatformId.LINKEDIN, "li-1", "Ana Li", "Ana Li", null, null, null, null),
                new StoredTokens(Secret.of("li-access"), null, now.plus(Duration.ofDays(5)), null));
        accounts.connect(ws, owner.id(), new NewAccount(PlatformId.LINKEDIN, "li-2", "Later", "Later", null, null, null, null),
                new StoredTokens(Secret.of("li-access-2"), null, now.plus(Duration.ofDays(30)), null));
        accounts.connect(ws, owner.id(), new NewAccount(PlatformId.X, "x-1", "@refreshable", "R", null, null, null, null),
                new StoredTokens(Secret.of("x-access"), Secret.of("x-refresh"), now.plus(Duration.ofHours(1)), null));
        ExpiryReminders reminders = new ExpiryReminders(accounts, new Outbox(sql, pg.vault()), Clock.fixed(now, ZoneOffset.UTC));

        assertEquals(1, reminders.remind(), "only the LinkedIn connection that expires within a week");
        assertEquals(0, reminders.remind(), "and only once");
        List<String> messages = QueuedMessages.of(sql, pg.vault(), owner.id());
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("Ana Li") && messages.get(0).contains("6 December 2026")
                && messages.get(0).contains("/ail connect linkedin"), messages.get(0));

        // reconnecting gives a new expiry, which gets its own reminder when it comes near
        accounts.saveTokens(ws, soon.id(), new StoredTokens(Secret.of("li-new"), null, now.plus(Duration.ofDays(60)), null));
        ExpiryReminders later = new ExpiryReminders(accounts, new Outbox(sql, pg.vault()), Clock.fixed(now.plus(Duration.ofDays(55)), ZoneOffset.UTC));
        assertEquals(2, later.remind(), "the renewed connection and the one that was 30 days out");
    }
}
