package com.ailsocialautomation.command;

import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.UserError;
import com.ailsocialautomation.net.MediaType;
import com.ailsocialautomation.platform.MediaFacts;
import org.junit.jupiter.api.Test;


import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostValidatorTest {
    private static final String FAMILY = "👩‍👩‍👧‍👦"; // one grapheme, 7 code points, 25 UTF-8 bytes
    private static final String LONG_LINK = "https://example.com/" + "a".repeat(200);
    private static final List<String> NO_MEDIA = List.of();

    private static Destination on(Platform platform) {
        return new Destination("@ana", platform);
    }

    private static void ok(String text, Destination target) {
        assertDoesNotThrow(() -> PostValidator.precheck(text, NO_MEDIA, 0, List.of(target)));
    }

    private static String refused(String text, List<String> media, Destination... targets) {
        String message = assertThrows(UserError.class, () -> PostValidator.precheck(text, media, 0, List.of(targets)))
                .getMessage();
        assertFalse(message.contains("\n"), message);
        return message;
    }

    private static String refusedFacts(String text, List<MediaFacts> media, Destination... targets) {
        String message = assertThrows(UserError.class, () -> PostValidator.check(text, media, List.of(targets)))
                .getMessage();
        assertFalse(message.contains("\n"), message);
        return message;
    }

    private static MediaFacts image(MediaType type, long size, int width, int height) {
        return new MediaFacts(type, size, width, height, null);
    }

    private static MediaFacts video(MediaType type, long size, int width, int height, Duration length) {
        return new MediaFacts(type, size, width, height, length);
    }

    private static final MediaFacts PNG = image(MediaType.PNG, 200_000, 1200, 800);
    private static final MediaFacts MP4 = video(MediaType.MP4, 5_000_000, 1280, 720, Duration.ofSeconds(30));

    @Test
    void xCountsWeightedCharactersWithLinksAs23() {
        ok("a".repeat(280), on(Platform.X));
        assertEquals("Too long for X (@ana): 281/280 — shorten by 1 character, or leave it out with to:",
                refused("a".repeat(281), NO_MEDIA, on(Platform.X)));
        ok("a".repeat(256) + " " + LONG_LINK, on(Platform.X));
        assertTrue(refused("a".repeat(257) + " " + LONG_LINK, NO_MEDIA, on(Platform.X)).startsWith("Too long for X (@ana): 281/280"));
    }

    @Test
    void xCountsEmojiEvenWithZeroWidthJoinersAndCjkAsTwo() {
        ok(FAMILY.repeat(140), on(Platform.X));
        assertTrue(refused(FAMILY.repeat(141), NO_MEDIA, on(Platform.X)).startsWith("Too long for X (@ana): 282/280 — shorten by 2"));
        ok("日本語".repeat(46) + "日本", on(Platform.X));
        assertTrue(refused("日".repeat(141), NO_MEDIA, on(Platform.X)).startsWith("Too long for X (@ana): 282/280"));
    }

    @Test
    void blueskyCountsGraphemes() {
        ok("e\u0301".repeat(300), on(Platform.BLUESKY));
        assertEquals("Too long for Bluesky (@ana): 301/300 — shorten by 1 character, or leave it out with to:",
                refused("a".repeat(301), NO_MEDIA, on(Platform.BLUESKY)));
        ok(FAMILY.repeat(120), on(Platform.BLUESKY));
    }

    @Test
    void blueskyAlsoLimitsUtf8Bytes() {
        String message = refused(FAMILY.repeat(121), NO_MEDIA, on(Platform.BLUESKY));
        assertEquals("Too long for Bluesky (@ana): 3025/3000 bytes — shorten by 25 bytes "
                + "(accented letters and emoji take 2 to 4 bytes each), or leave it out with to:", message);
    }

    @Test
    void mastodonUsesTheInstanceLimitCountsLinksAs23AndCodePoints() {
        ok("a".repeat(476) + " " + LONG_LINK, on(Platform.MASTODON));
        assertTrue(refused("a".repeat(477) + " " + LONG_LINK, NO_MEDIA, on(Platform.MASTODON))
                .startsWith("Too long for Mastodon (@ana): 501/500"));
        ok("a".repeat(900), new Destination("@ana@big.example", Platform.MASTODON, 1000));
        assertTrue(refused("a".repeat(1001), NO_MEDIA, new Destination("@ana@big.example", Platform.MASTODON, 1000))
                .startsWith("Too long for Mastodon (@ana@big.example): 1001/1000"));
        ok("😀".repeat(500), on(Platform.MASTODON));
        assertTrue(refused("😀".repeat(501), NO_MEDIA, on(Platform.MASTODON)).startsWith("Too long for Mastodon (@ana): 501/500"));
    }

    @Test
    void mastodonCountsARemoteMentionByItsUserName() {
        ok("a".repeat(495) + " @ana@fosstodon.org", on(Platform.MASTODON));
        assertTrue(refused("a".repeat(496) + " @ana@fosstodon.org.", NO_MEDIA, on(Platform.MASTODON)).contains("502/500"));
    }

    @Test
    void threadsCountsAnEmojiAsItsUtf8Bytes() {
        ok("a".repeat(500), on(Platform.THREADS));
        ok("👍".repeat(125), on(Platform.THREADS));
        assertTrue(refused("👍".repeat(126), NO_MEDIA, on(Platform.THREADS)).startsWith("Too long for Threads (@ana): 504/500"));
        assertTrue(refused("a".repeat(470) + FAMILY + "❤️", NO_MEDIA, on(Platform.THREADS)).contains("501/500"));
        ok("©".repeat(500), on(Platform.THREADS));
    }

    @Test
    void linkedInInstagramAndWebhookHaveTheirOwnLimits() {
        ok("a".repeat(3000), on(Platform.LINKEDIN));
        assertTrue(refused("a".repeat(3001), NO_MEDIA, on(Platform.LINKEDIN)).startsWith("Too long for LinkedIn (@ana): 3001/3000"));
        assertTrue(refused("a".repeat(2201), List.of("https://example.com/a"), on(Platform.INSTAGRAM))
                .startsWith("Too long for Instagram (@ana): 2201/2200"));
        ok("a".repeat(40_000), on(Platform.WEBHOOK));
        assertTrue(refused("a".repeat(40_001), NO_MEDIA, on(Platform.WEBHOOK)).startsWith("Too long for Webhook (@ana): 40001/40000"));
    }

    @Test
    void instagramNeedsMediaAndYouTubeAndTikTokNeedAVideo() {
        assertEquals("Instagram (@ana) needs an image or a video — attach one or add media:<url>, or leave it out with to:",
                refused("Hello", NO_MEDIA, on(Platform.INSTAGRAM)));
        assertEquals("YouTube (@ana) needs a video — attach one or add media:<url>; "
                        + "YouTube (@ana): the image is in PNG format, and it takes no images, or leave it out with to:",
                refusedFacts("Hello", List.of(PNG), on(Platform.YOUTUBE)));
        assertDoesNotThrow(() -> PostValidator.check("Hello", List.of(MP4),
                List.of(on(Platform.YOUTUBE), on(Platform.TIKTOK), on(Platform.INSTAGRAM))));
        assertTrue(refused("Hello", NO_MEDIA, on(Platform.TIKTOK)).startsWith("TikTok (@ana) needs a video"));
    }

    @Test
    void youTubeRefusesAngleBrackets() {
        assertTrue(refusedFacts("a <b>", List.of(MP4), on(Platform.YOUTUBE))
                .startsWith("YouTube (@ana) does not allow < or > — remove them"));
    }

    @Test
    void mediaCountIsCheckedBeforeAnythingIsFetchedAndTheMixOnceTheBytesAreKnown() {
        List<String> five = List.of("https://e.com/1", "https://e.com/2", "https://e.com/3",
                "https://e.com/4", "https://e.com/5");
        assertEquals("Too many media for Mastodon (@ana): 5/4 — remove 1, or leave it out with to:",
                refused("Hi", five, on(Platform.MASTODON)));
        assertEquals("Too many media for Mastodon (@ana): 5/4 — remove 1, or leave it out with to:",
                assertThrows(UserError.class, () -> PostValidator.precheck("Hi", five.subList(0, 2), 3,
                        List.of(on(Platform.MASTODON)))).getMessage(), "links and files count together");
        assertEquals("X (@ana) takes images or a video, not both in one post, or leave it out with to:",
                refusedFacts("Hi", List.of(PNG, MP4), on(Platform.X)));
        assertTrue(refusedFacts("Hi", List.of(MP4, MP4), on(Platform.BLUESKY)).startsWith("Bluesky (@ana) takes at most 1 video"));
        assertDoesNotThrow(() -> PostValidator.precheck("Hi", five, 0, List.of(on(Platform.THREADS), on(Platform.INSTAGRAM))));
    }

    @Test
    void aLinkMustBeAWebLinkButItsExtensionSaysNothing() {
        assertDoesNotThrow(() -> PostValidator.precheck("Hi", List.of("https://example.com/report.pdf"), 0,
                List.of(on(Platform.X))), "the bytes decide, once fetched");
        assertDoesNotThrow(() -> PostValidator.precheck("Hi", List.of("https://example.com/photo?id=7"), 0,
                List.of(on(Platform.X))));
        assertEquals("media:ftp://example.com/a.png is not a web link: give one starting with https://.",
                refused("Hi", List.of("ftp://example.com/a.png"), on(Platform.X)));
        assertTrue(refused("Hi", List.of("not a url"), on(Platform.X)).startsWith("media:not a url is not a web link"));
        assertDoesNotThrow(() -> PostValidator.precheck("", List.of("https://cdn.example.com/a.JPEG?w=800#top"), 0,
                List.of(on(Platform.X))));
        assertDoesNotThrow(() -> PostValidator.precheck("", NO_MEDIA, 1, List.of(on(Platform.X))), "a file alone is a post");
    }

    @Test
    void anEmptyPostIsRefused() {
        assertEquals("Nothing to post: add some text, or an image or video with media:<url>.",
                refused("  \n", NO_MEDIA, on(Platform.X)));
    }

    @Test
    void everyFailingTargetIsNamedInOneLine() {
        String message = refused("a".repeat(301), NO_MEDIA, on(Platform.X), on(Platform.BLUESKY), on(Platform.MASTODON), on(Platform.YOUTUBE));
        assertEquals("Too long for X (@ana): 301/280 — shorten by 21 characters; "
                + "too long for Bluesky (@ana): 301/300 — shorten by 1 character; "
                + "YouTube (@ana) needs a video — attach one or add media:<url>; "
                + "or leave those accounts out with to:", message);
    }
}
