package com.ailsocialautomation.command;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.Units;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhooks can be given a name at connect, by which accounts lists them and to: asks between them (issue 17.6). */
class WebhookNamesTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static Units units;

    @BeforeAll
    static void start() {
        units = Units.over(pg).build();
    }

    @AfterAll
    static void stop() {
        units.close();
    }

    private static Invocation someone() {
        return new Invocation(FrontEnd.DISCORD, "G-" + UUID.randomUUID(), "U-ana", "Ana", false, ZoneOffset.UTC, null);
    }

    private static String run(Invocation who, String line) {
        return units.commandLayer.commands.run(who, line).toPlainText();
    }

    @Test
    void aNamedWebhookIsListedByItsNameBesideItsHostAndTheUnnamedOneByItsHost() {
        Invocation ana = someone();
        String blog = run(ana, "connect webhook http://127.0.0.1:9/hooks/blog name:\"Team blog\"");
        assertTrue(blog.contains("Connected webhook") && blog.contains("\"Team blog\" (127.0.0.1/…"), blog);
        String plain = run(ana, "connect webhook http://127.0.0.1:9/hooks/other");
        assertFalse(plain.contains("\""), plain);

        String accounts = run(ana, "accounts");
        assertTrue(accounts.contains("\"Team blog\" (127.0.0.1/…"), accounts);
        assertEquals(2, accounts.lines().filter(l -> l.contains("127.0.0.1/…")).count(), accounts);

        String which = run(ana, "post to:webhook Hello");
        assertTrue(which.contains("Team blog"), "to:webhook with two webhooks asks which, naming them: " + which);
    }

    @Test
    void aNameIsForWebhooksOnlyAndFitsOnOneLine() {
        Invocation ana = someone();
        Reply mastodon = units.commandLayer.commands.run(ana, "connect mastodon fosstodon.org name:\"Ours\"");
        assertEquals("name: is for webhooks only; Mastodon accounts are listed by their handle.", mastodon.text());
        String tooLong = run(ana, "connect webhook http://127.0.0.1:9/hooks/x name:\"" + "n".repeat(81) + "\"");
        assertTrue(tooLong.startsWith("A webhook's name is at most 80 characters"), tooLong);
        assertFalse(run(ana, "accounts").contains("127.0.0.1/…"), "nothing was connected");
    }
}
