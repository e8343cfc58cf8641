package com.ailsocialautomation.platform;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A post is counted once per distinct way of counting, however many accounts share it. */
class TextLengthsTest {
    @Test
    void twelveMastodonAccountsXAndAWebhookCostThreeCounts() {
        TextLengths lengths = new TextLengths("Launch day: https://example.com/launch " + "a.".repeat(300));
        List<String> problems = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            problems.addAll(Platform.MASTODON.rule().problems(lengths, List.of(), "Mastodon (@ana" + i + ")", 500));
        }
        problems.addAll(Platform.X.rule().problems(lengths, List.of(), "X (@ana)", 280));
        problems.addAll(Platform.WEBHOOK.rule().problems(lengths, List.of(), "Webhook", 40_000));
        assertEquals(3, lengths.counts());
        assertEquals(13, problems.size(), "each Mastodon account and X are told, from the shared counts: " + problems);
        assertTrue(problems.get(0).startsWith("too long for Mastodon (@ana0): 636/500"), problems.get(0));
    }
}
