package com.ailsocialautomation.engine;

import com.ailsocialautomation.media.MediaGrants;
import com.ailsocialautomation.media.MediaStore;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.DailyAllowance;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.store.MediaUploads;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.UploadAllowances;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What the pipeline remembers of a target's uploads, in the real database: an item the platform holds is not
 * uploaded again, while an item replaced by an edit, given new alt text, or held longer than the platform keeps it
 * is; a platform's refusal names the file, and processing that never ends is given up.
 */
class MediaPipelineTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static EngineRig rig;
    MutableClock clock;
    Recording platform;
    MediaPipeline pipeline;
    Target target;

    /** A platform that records each upload and answers what the test tells it to. */
    static final class Recording implements Provider {
        final List<String> uploaded = new ArrayList<>();
        boolean readyAtOnce = true;
        PlatformError refusal;
        DailyAllowance allowance;
        /** The media ids the platform has finished processing, and those it was asked about, in order. */
        final java.util.Set<String> readyIds = new java.util.HashSet<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public String uploadCarries(PublishRequest post) {
            return post.text();
        }

        @Override
        public DailyAllowance uploadAllowance() {
            return allowance;
        }

        @Override
        public Platform platform() {
            return Platform.MASTODON;
        }

        @Override
        public Profile profile(Credentials credentials) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MediaRef uploadMedia(Credentials credentials, Media media) {
            if (refusal != null) {
                throw refusal;
            }
            uploaded.add(media.fileName());
            return new MediaRef("m" + uploaded.size(), readyAtOnce, media.altText(), Duration.ofSeconds(7));
        }

        @Override
        public MediaRef mediaStatus(Credentials credentials, MediaRef media) {
            asked.add(media.id());
            return new MediaRef(media.id(), readyIds.contains(media.id()), media.payload(), null);
        }

        @Override
        public Published publish(Credentials credentials, PublishRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-06T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeAll
    static void wire() {
        rig = new EngineRig(pg.dataSource(), pg.vault());
    }

    @AfterAll
    static void unwire() {
        rig.close();
    }

    @BeforeEach
    void post() {
        clock = new MutableClock();
        platform = new Recording();
        pipeline = new MediaPipeline(new MediaUploads(rig.sql, pg.vault()), new UploadAllowances(rig.sql), grants(), clock, Duration.ofSeconds(5), Duration.ofMinutes(30));
        EngineRig.Fixture f = rig.webhookFixture("https://hook.example/x", "secret");
        target = rig.post(f, "text", Instant.now()).targets().get(0);
    }

    private MediaGrants grants() {
        return new MediaGrants(rig.sql, new MediaStore(rig.sql, pg.vault()), "https://ail.example.com", clock);
    }

    private static Media item(String name, String alt) {
        return Media.inMemory(name, "image/png", new byte[] {1, 2, 3}, alt);
    }

    private MediaPipeline.Prepared prepare(List<Media> items, List<String> keys) {
        return pipeline.prepare(platform, null, target, items, keys, null);
    }

    @Test
    void anItemThePlatformHoldsIsNotUploadedAgainButAReplacedOrReDescribedOneIs() {
        Media a = item("a.png", "first");
        Media b = item("b.png", null);
        MediaPipeline.Ready ready = assertInstanceOf(MediaPipeline.Ready.class, prepare(List.of(a, b), List.of("copy-a", "copy-b")));
        assertEquals(List.of("m1", "m2"), ready.media().stream().map(MediaRef::id).toList());

        prepare(List.of(a, b), List.of("copy-a", "copy-b"));
        assertEquals(List.of("a.png", "b.png"), platform.uploaded, "both reused");

        prepare(List.of(a, item("c.png", null)), List.of("copy-a", "copy-c"));
        prepare(List.of(item("a.png", "better words"), item("c.png", null)), List.of("copy-a", "copy-c"));
        assertEquals(List.of("a.png", "b.png", "c.png", "a.png"), platform.uploaded, "a new item, then new alt text");

        clock.now = clock.now.plus(Duration.ofMinutes(61)); // past what the platform keeps (an hour by default)
        prepare(List.of(item("a.png", "better words"), item("c.png", null)), List.of("copy-a", "copy-c"));
        assertEquals(6, platform.uploaded.size(), "both uploaded again");
    }

    @Test
    void processingIsLookedAtAgainWhenThePlatformSaysAndGivenUpAfterItsTime() {
        platform.readyAtOnce = false;
        MediaPipeline.Processing first = assertInstanceOf(MediaPipeline.Processing.class,
                prepare(List.of(item("clip.png", null)), List.of("copy")));
        assertEquals(clock.now.plusSeconds(7), first.checkAt(), "the platform's own check-after");

        clock.now = clock.now.plusSeconds(7);
        MediaPipeline.Processing second = assertInstanceOf(MediaPipeline.Processing.class,
                prepare(List.of(item("clip.png", null)), List.of("copy")));
        assertEquals(clock.now.plusSeconds(5), second.checkAt(), "no word from the platform: the poll interval");
        assertEquals(1, platform.uploaded.size(), "checked, not uploaded again");

        clock.now = clock.now.plus(Duration.ofMinutes(31));
        MediaPipeline.ItemRefused e = assertThrows(MediaPipeline.ItemRefused.class,
                () -> prepare(List.of(item("clip.png", null)), List.of("copy")));
        assertEquals("clip.png", e.fileName());
        assertEquals("Mastodon was still processing it after 30 minutes", e.getMessage());
    }

    @Test
    void anItemStillProcessingIsAskedAboutNotUploadedAgainHoweverLongItTakes() {
        pipeline = new MediaPipeline(new MediaUploads(rig.sql, pg.vault()), new UploadAllowances(rig.sql), grants(), clock, Duration.ofSeconds(5), Duration.ofHours(3));
        platform.readyAtOnce = false;
        prepare(List.of(item("long.png", null)), List.of("copy"));
        clock.now = clock.now.plus(Duration.ofMinutes(90)); // longer than the platform keeps a processed item
        assertInstanceOf(MediaPipeline.Processing.class, prepare(List.of(item("long.png", null)), List.of("copy")));
        assertEquals(1, platform.uploaded.size());
    }

    @Test
    void aRefusalNamesTheFileAndAPassingErrorIsThrownAsItCame() {
        platform.refusal = new PlatformError(PlatformError.Kind.PERMANENT, 422, "File content type is invalid", null);
        MediaPipeline.ItemRefused refused = assertThrows(MediaPipeline.ItemRefused.class,
                () -> prepare(List.of(item("odd.png", null)), List.of("copy")));
        assertEquals("odd.png", refused.fileName());
        assertEquals(422, refused.error().httpStatus());

        platform.refusal = new PlatformError(PlatformError.Kind.TRANSIENT, 503, "down", null);
        PlatformError passing = assertThrows(PlatformError.class, () -> prepare(List.of(item("odd.png", null)), List.of("copy")));
        assertEquals(PlatformError.Kind.TRANSIENT, passing.kind());
    }

    @Test
    void anUploadPastTheDailyAllowanceIsHeldUntilMidnightInTheAllowancesZoneAndThePlatformsWordUsesUpTheDay() {
        ZoneId pacific = ZoneId.of("America/Los_Angeles");
        platform.allowance = new DailyAllowance("project-" + java.util.UUID.randomUUID(), 2, pacific, "the daily quota");
        prepare(List.of(item("one.png", null)), List.of("copy-1"));
        pipeline.forget(target);
        prepare(List.of(item("two.png", null)), List.of("copy-2"));
        pipeline.forget(target);
        MediaPipeline.Held held = assertThrows(MediaPipeline.Held.class, () -> prepare(List.of(item("three.png", null)), List.of("copy-3")));
        assertEquals(List.of("one.png", "two.png"), platform.uploaded, "the third is not sent");
        assertEquals(Instant.parse("2026-12-07T08:00:00Z"), held.until(), "08:00 UTC on 6 December is midnight in Los Angeles");
        assertEquals("held: the daily quota (2 uploads a day) is used up; it goes at 2026-12-07 08:00 UTC, when the daily quota "
                + "resets (midnight America/Los_Angeles)", held.getMessage());

        // a new day: the platform says the quota is used up at its first upload (another app of the project used it)
        clock.now = Instant.parse("2026-12-07T08:00:00Z");
        platform.refusal = PlatformError.allowanceUsedUp(403, "YouTube says the quota is used up", Instant.parse("2026-12-08T08:00:00Z"));
        MediaPipeline.Held told = assertThrows(MediaPipeline.Held.class, () -> prepare(List.of(item("three.png", null)), List.of("copy-3")));
        assertEquals(Instant.parse("2026-12-08T08:00:00Z"), told.until());
        platform.refusal = null;
        assertThrows(MediaPipeline.Held.class, () -> prepare(List.of(item("four.png", null)), List.of("copy-4")),
                "the platform's word counts the day as used up: nothing more is sent that day, though AIL had sent nothing");
        assertEquals(List.of("one.png", "two.png"), platform.uploaded);

        clock.now = Instant.parse("2026-12-08T08:00:00Z");
        prepare(List.of(item("four.png", null)), List.of("copy-4"));
        assertEquals(List.of("one.png", "two.png", "four.png"), platform.uploaded, "the next day it goes");
    }

    @Test
    void anItemTheLastLookFoundReadyIsNotAskedAboutAgain() {
        platform.readyAtOnce = false;
        prepare(List.of(item("a.png", null), item("b.png", null)), List.of("copy-a", "copy-b"));
        platform.readyIds.add("m1"); // the platform has finished the first; the second is still processing
        clock.now = clock.now.plusSeconds(7);
        assertInstanceOf(MediaPipeline.Processing.class, prepare(List.of(item("a.png", null), item("b.png", null)), List.of("copy-a", "copy-b")));
        assertEquals(List.of("m1", "m2"), platform.asked);
        platform.readyIds.add("m2");
        clock.now = clock.now.plusSeconds(5);
        MediaPipeline.Ready ready = assertInstanceOf(MediaPipeline.Ready.class,
                prepare(List.of(item("a.png", null), item("b.png", null)), List.of("copy-a", "copy-b")));
        assertEquals(List.of("m1", "m2"), ready.media().stream().map(MediaRef::id).toList());
        assertEquals(List.of("m1", "m2", "m2"), platform.asked, "the first, found ready, is remembered as ready");
        assertEquals(List.of("a.png", "b.png"), platform.uploaded);
    }

    @Test
    void anItemWhoseUploadCarriesThePostIsUploadedAnewWhenThePostWasEdited() {
        java.util.function.Function<String, PublishRequest> post = text -> new PublishRequest("p1", text, List.of(), List.of(),
                java.util.UUID.randomUUID(), Instant.now());
        platform.readyAtOnce = false;
        Media clip = item("clip.png", null);
        pipeline.prepare(platform, null, target, List.of(clip), List.of("copy"), post.apply("Launch day"));
        pipeline.prepare(platform, null, target, List.of(clip), List.of("copy"), post.apply("Launch day"));
        assertEquals(1, platform.uploaded.size(), "the same words: the upload under way goes on");
        pipeline.prepare(platform, null, target, List.of(clip), List.of("copy"), post.apply("Launch day, edited"));
        assertEquals(2, platform.uploaded.size(), "new words: uploaded anew with them");
    }
}
