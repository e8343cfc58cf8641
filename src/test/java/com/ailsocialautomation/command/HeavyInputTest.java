package com.ailsocialautomation.command;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Workspaces;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.Units;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever a person types, AIL answers clearly within the product's promise of 3 s, over the real command layer
 * and database: pathological text, quotes and option lists, thousands of to: entries, too many or slow media links.
 */
class HeavyInputTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    private static final Duration PROMISE = Duration.ofSeconds(3);
    private static final Invocation ANA = new Invocation(FrontEnd.DISCORD, "G-HEAVY", "U-ANA", "Ana", false, ZoneOffset.UTC, null);
    private static final AtomicInteger LOOKUPS = new AtomicInteger();
    private static CommandService commands;

    @BeforeAll
    static void store() throws Exception {
        InetAddress cdn = InetAddress.getByAddress("cdn.test", new byte[] {(byte) 162, (byte) 159, (byte) 128, (byte) 233});
        Units units = Units.over(pg).env("AIL_INSECURE_LOOPBACK", "false").resolver(host -> {
            LOOKUPS.incrementAndGet();
            if (host.startsWith("slow")) {
                try {
                    Thread.sleep(30_000); // a name server that never answers
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return List.of(cdn);
        }).build();
        commands = units.commandLayer.commands;
        Workspaces workspaces = units.store.workspaces;
        Accounts accounts = units.store.accounts;
        UUID guild = workspaces.ensure(FrontEnd.DISCORD, ANA.workspaceId(), null);
        UUID owner = workspaces.ensureUser(guild, ANA.userId(), "Ana").id();
        for (int i = 0; i < 12; i++) {
            accounts.connect(guild, owner, new NewAccount(PlatformId.MASTODON, "m" + i, "@ana" + i + "@fosstodon.org", "Ana " + i,
                    null, "https://fosstodon.org", "write", 500), new StoredTokens(null, null, null, null));
        }
        accounts.connect(guild, owner, new NewAccount(PlatformId.X, "x1", "ana_x", "Ana on X", null, null, "tweet.write", 25_000),
                new StoredTokens(null, null, null, null));
        accounts.connect(guild, owner, new NewAccount(PlatformId.BLUESKY, "did:plc:ana", "ana.bsky.social", "Ana", null,
                "https://bsky.social", "atproto", null), new StoredTokens(null, null, null, null));
    }

    private static String timed(String line) {
        long start = System.nanoTime();
        String reply = commands.run(ANA, line).toPlainText();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(PROMISE) < 0, "took " + took.toMillis() + " ms: " + line.substring(0, Math.min(80, line.length())));
        assertTrue(!reply.isBlank(), "an answer");
        return reply;
    }

    @Test
    void aLongRunOfDotsIsCountedForEveryAccountWithinTheBound() {
        // twitter-text's URL pattern backtracks on this: seconds per count, once per account
        String dots = "a.".repeat(2_000);
        String reply = timed("post to:mastodon:*,x,bluesky " + dots);
        assertTrue(reply.contains("Too long for Mastodon") && reply.contains("Bluesky"), reply);
        String mixed = "a.a_a.com ".repeat(400) + "a.".repeat(1_500) + "a_a.com";
        assertTrue(timed("post to:x " + mixed).contains("Post "), "X Premium takes 25,000");
        // twitter-text's emoji pattern is slow per character too: it only sees runs of emoji, once per distinct rule
        assertTrue(timed("post to:x,bluesky,mastodon:* " + "😀1\uFE0F👍🏽".repeat(8_000)).contains("Too long for X"));
    }

    @Test
    void textAboveTheCapIsRefusedNamingTheCap() {
        String reply = timed("post to:x " + "word ".repeat(12_000));
        assertTrue(reply.contains("60,010 characters") && reply.contains("at most 50,000"), reply);
        String viaOptions = org.junit.jupiter.api.Assertions.assertThrows(com.ailsocialautomation.UserError.class,
                () -> CommandParser.fromOptions("post", List.of(), java.util.Map.of("to", List.of("x")),
                        "é".repeat(50_001))).getMessage();
        assertTrue(viaOptions.contains("at most 50,000"), viaOptions);
    }

    @Test
    void deeplyNestedQuotesAndHugeOptionListsAnswerInTime() {
        String quotes = "\"".repeat(20_000) + "x" + "\\\"".repeat(10_000);
        assertTrue(timed("schedule at:" + quotes + " hello").length() > 0);
        String options = IntStream.range(0, 5_000).mapToObj(i -> "k" + i + ":v").collect(Collectors.joining(" "));
        assertTrue(timed("post " + options + " text").contains("Unknown option"));
        String colons = "to:" + ":".repeat(40_000);
        assertTrue(timed("post " + colons + " text").length() > 0);
    }

    @Test
    void thousandsOfToEntriesAreRefusedBeforeAnyLookup() {
        String many = IntStream.range(0, 5_000).mapToObj(i -> "acct" + i).collect(Collectors.joining(","));
        String reply = timed("post to:" + many + " hello");
        assertTrue(reply.contains("to: names 5000 accounts") && reply.contains("at most 50"), reply);
        String repeated = String.join(",", java.util.Collections.nCopies(5_000, "x"));
        String once = timed("post to:" + repeated + " hello");
        assertTrue(once.contains("Post "), "the same name many times is one name: " + once);
    }

    @Test
    void tooManyMediaAreRefusedBeforeAnyLinkIsLookedUp() {
        int before = LOOKUPS.get();
        String media = IntStream.range(0, 21).mapToObj(i -> "media:https://slow" + i + ".test/" + i + ".png")
                .collect(Collectors.joining(" "));
        String reply = timed("post to:x " + media + " hello");
        assertTrue(reply.contains("21 media links") && reply.contains("no platform takes more than 20"), reply);
        assertEquals(before, LOOKUPS.get(), "no media host was looked up");
    }

    @Test
    void mediaHostsThatNeverAnswerAreLookedUpTogetherWithinTheLimit() {
        String media = IntStream.range(0, 4).mapToObj(i -> "media:https://slow-" + i + ".test/" + i + ".png")
                .collect(Collectors.joining(" "));
        String reply = timed("post to:x " + media + " hello");
        assertTrue(reply.contains("Looking up the host slow-0.test took longer than 2 s"), reply);
    }
}
