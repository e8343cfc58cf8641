package com.ailsocialautomation.platform;

import com.ailsocialautomation.net.MediaType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each platform's media numbers, as a person reads them in a refusal. */
class MediaRuleTest {
    private static MediaFacts image(MediaType type, long size, int width, int height) {
        return new MediaFacts(type, size, width, height, null);
    }

    private static MediaFacts video(MediaType type, long size, int width, int height, double seconds) {
        return new MediaFacts(type, size, width, height, Duration.ofMillis(Math.round(seconds * 1000)));
    }

    private static List<String> problems(Platform platform, MediaFacts... media) {
        return platform.rule().media().problems(List.of(media), platform.displayName());
    }

    @Test
    void blueskyTakesThreeMinutesOfVideoAndImagesUpToTheLexiconsMillionBytes() {
        assertEquals(List.of("Bluesky: the video is 3 min 10 s, at most 3 min"),
                problems(Platform.BLUESKY, video(MediaType.MP4, 40_000_000, 1920, 1080, 190)));
        assertEquals(List.of(), problems(Platform.BLUESKY, video(MediaType.MP4, 99_000_000, 1920, 1080, 180)));
        assertEquals(List.of("Bluesky: the video is 100.5 MB, at most 100 MB"),
                problems(Platform.BLUESKY, video(MediaType.MOV, 100_500_000, 1920, 1080, 60)));
        assertEquals(List.of("Bluesky: image 2 is 1,000,001 bytes, at most 1 MB"), problems(Platform.BLUESKY,
                image(MediaType.JPEG, 1_000_000, 2000, 1500), image(MediaType.PNG, 1_000_001, 800, 600)));
        assertEquals(List.of("Bluesky: the image is in HEIC format, not JPEG, PNG, GIF or WebP"),
                problems(Platform.BLUESKY, image(MediaType.HEIC, 500_000, 4032, 3024)));
    }

    @Test
    void xHasItsOwnCapsForImagesGifsAndVideo() {
        assertEquals(List.of("X: the image is 6.2 MB, at most 5 MB"),
                problems(Platform.X, image(MediaType.JPEG, 6_200_000, 4000, 3000)));
        assertEquals(List.of(), problems(Platform.X, image(MediaType.GIF, 14_000_000, 480, 270)));
        assertEquals(List.of("X: the GIF is 16 MB, at most 15 MB, and 1920×1080, at most 1280×1080"),
                problems(Platform.X, image(MediaType.GIF, 16_000_000, 1920, 1080)));
        assertEquals(List.of("X takes a GIF only on its own: one GIF and nothing else in the post"),
                problems(Platform.X, image(MediaType.GIF, 1_000, 48, 48), image(MediaType.PNG, 1_000, 48, 48)));
        assertEquals(List.of("X: the video is 2 min 20.4 s, at most 2 min 20 s"),
                problems(Platform.X, video(MediaType.MP4, 9_000_000, 1280, 720, 140.4)));
        assertEquals(List.of("X: the video is 0.3 s, at least 0.5 s"),
                problems(Platform.X, video(MediaType.MP4, 9_000, 1280, 720, 0.3)));
        assertEquals(List.of("X: the video is 3840×2160, at most 1920×1200"),
                problems(Platform.X, video(MediaType.MP4, 90_000_000, 3840, 2160, 30)));
        assertEquals(List.of(), problems(Platform.X, video(MediaType.MOV, 90_000_000, 1080, 1920, 30)),
                "a portrait phone video is the landscape frame turned");
        assertEquals(List.of("X: the video is 1:4 (width:height), from 1:3 to 3:1"),
                problems(Platform.X, video(MediaType.MP4, 9_000_000, 300, 1200, 30)));
        assertEquals(List.of("X: the video is in WebM format, not MP4 or MOV"),
                problems(Platform.X, video(MediaType.WEBM, 9_000_000, 1280, 720, 30)));
    }

    @Test
    void mastodonTakesHeicAndRefusesVideosLargerThan4k() {
        assertEquals(List.of(), problems(Platform.MASTODON, image(MediaType.HEIC, 3_000_000, 4032, 3024)));
        assertEquals(List.of("Mastodon: the video is 4096×2160, at most 8,294,400 pixels"),
                problems(Platform.MASTODON, video(MediaType.MP4, 50_000_000, 4096, 2160, 20)));
        assertEquals(List.of("Mastodon: the image is 17 MB, at most 16 MB"),
                problems(Platform.MASTODON, image(MediaType.PNG, 17_000_000, 4000, 3000)));
    }

    @Test
    void linkedInTakesVideosFromThreeSecondsToHalfAnHour() {
        assertEquals(List.of("LinkedIn: the video is 2 s, at least 3 s"),
                problems(Platform.LINKEDIN, video(MediaType.MP4, 500_000, 1280, 720, 2)));
        assertEquals(List.of("LinkedIn: the video is in MOV format, not MP4"),
                problems(Platform.LINKEDIN, video(MediaType.MOV, 500_000, 1280, 720, 20)));
        assertEquals(List.of("LinkedIn: the image is 6 MB, at most 5 MB"),
                problems(Platform.LINKEDIN, image(MediaType.PNG, 6_000_000, 1280, 720)));
        assertEquals(List.of("LinkedIn: the video is 1:3 (width:height), from 1:2.4 to 2.4:1"),
                problems(Platform.LINKEDIN, video(MediaType.MP4, 5_000_000, 400, 1200, 20)));
        assertEquals(List.of("LinkedIn: the image is in WebP format, not JPEG, PNG or GIF"),
                problems(Platform.LINKEDIN, image(MediaType.WEBP, 500_000, 1280, 720)));
    }

    @Test
    void instagramChecksTheAspectRatioOfImages() {
        assertEquals(List.of("Instagram: the image is 1:2 (width:height), from 4:5 to 1.91:1"),
                problems(Platform.INSTAGRAM, image(MediaType.JPEG, 500_000, 1000, 2000)));
        assertEquals(List.of(), problems(Platform.INSTAGRAM, image(MediaType.JPEG, 500_000, 1080, 1350)));
    }

    @Test
    void anUnknownFrameIsNotJudgedButAnUnknownLengthIsWhereTheLengthIsBounded() {
        assertEquals(List.of(), problems(Platform.X, video(MediaType.MP4, 9_000_000, 0, 0, 30)));
        MediaFacts noLength = new MediaFacts(MediaType.WEBM, 9_000_000, 640, 360, null);
        assertEquals(List.of(), problems(Platform.MASTODON, noLength));
        assertEquals(List.of("YouTube: the video is of a length its file does not give, and it takes at most 15 min"),
                problems(Platform.YOUTUBE, noLength));
    }

    @Test
    void theLargestFileIsThatOfTheMostGenerousChosenPlatform() {
        assertEquals(1_000_000 * 100L, Platform.largestFile(List.of(Platform.BLUESKY)));
        assertEquals(512_000_000L, Platform.largestFile(List.of(Platform.BLUESKY, Platform.X, Platform.MASTODON)));
        assertTrue(Platform.withProvider().stream().allMatch(p -> p.rule().media().maxBytes() > 0),
                "every platform AIL publishes to says how much it takes");
    }
}
