package com.ailsocialautomation.command;

import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.platform.Platform;

import org.junit.jupiter.api.Test;


import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreviewTest {
    private static final List<Destination> TARGETS = List.of(new Destination("@ana@fosstodon.org", Platform.MASTODON, 1000),
            new Destination("@ana", Platform.X));
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aScheduledPostShowsTheTextTheAccountsAndTheTimeInTheUsersZone() {
        Reply reply = Preview.of("Doors open at 18:00 https://example.com/tickets", TARGETS,
                Instant.parse("2026-12-01T08:00:00Z"), BERLIN, false);
        assertEquals("*Scheduled* for Tue 1 Dec 2026 09:00 CET (Europe/Berlin) to Mastodon (@ana@fosstodon.org), X (@ana)"
                + "\n\nDoors open at 18:00 https://example.com/tickets", reply.text());
        assertEquals(List.of(new Reply.Field("Mastodon (@ana@fosstodon.org)", "43/1000 characters; its link counts as 23"),
                new Reply.Field("X (@ana)", "43/280 characters; its link counts as 23 (X shortens links to t.co)"),
                new Reply.Field("When", "Tue 1 Dec 2026 09:00 CET (Europe/Berlin)")), reply.fields());
        assertTrue(reply.ephemeral());
    }

    @Test
    void aPostForNowSaysSo() {
        Reply reply = Preview.of("Hello", TARGETS, null, BERLIN, false);
        assertTrue(reply.text().startsWith("*Publishing now* to Mastodon (@ana@fosstodon.org), X (@ana)\n\nHello"));
        assertTrue(reply.fields().contains(new Reply.Field("When", "now")));
    }

    @Test
    void aLatePostSaysWhenItWasDue() {
        Reply reply = Preview.of("Hello", TARGETS.subList(1, 2), Instant.parse("2026-12-01T08:00:00Z"), BERLIN, true);
        assertTrue(reply.text().startsWith("*Publishing now* to X (@ana); it was due Tue 1 Dec 2026 09:00 CET (Europe/Berlin)\n"),
                reply.text());
    }

    @Test
    void aVeryLongTextIsShortenedInThePreviewOnly() {
        Reply reply = Preview.of("😀".repeat(2000), List.of(new Destination("hook", Platform.WEBHOOK)), null, BERLIN, false);
        assertTrue(reply.text().endsWith("😀… (500 more characters)"), reply.text().substring(reply.text().length() - 40));
        assertTrue(reply.fields().contains(new Reply.Field("Webhook (hook)", "2000/40000 characters")));
    }
}
