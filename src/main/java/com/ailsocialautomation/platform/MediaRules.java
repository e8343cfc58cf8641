package com.ailsocialautomation.platform;

import com.ailsocialautomation.platform.MediaRule.Need;

import java.time.Duration;

import static com.ailsocialautomation.net.MediaType.GIF;
import static com.ailsocialautomation.net.MediaType.HEIC;
import static com.ailsocialautomation.net.MediaType.JPEG;
import static com.ailsocialautomation.net.MediaType.MOV;
import static com.ailsocialautomation.net.MediaType.MP4;
import static com.ailsocialautomation.net.MediaType.PNG;
import static com.ailsocialautomation.net.MediaType.WEBM;
import static com.ailsocialautomation.net.MediaType.WEBP;

/**
 * Each platform's media numbers, as {@link Platform} declares them (one constant per platform, used there only).
 * From shared/platforms.md and the platforms' current documentation; where sources disagree, the stricter number is
 * kept and the other named, so that nothing AIL accepts is refused by the platform for these reasons. "MB" is
 * 1,000,000 bytes, never more than a platform means by it.
 */
final class MediaRules {
    private static final long MB = 1_000_000;

    // Defaults since Mastodon 4.2 (instances may set their own): images 16 MB, which it scales down to 3840×2160
    // itself; videos 99 MB and at most 3840×2160 (video_matrix_limit 8,294,400), which it refuses. It takes HEIC
    // and converts it. Older instances answer 10 MB / 40 MB: the platform's own refusal then names the file.
    static final MediaRule MASTODON = new MediaRule(4, 1, false, Need.NOTHING)
            .images(MediaLimits.of(16 * MB, JPEG, PNG, GIF, WEBP, HEIC))
            .videos(MediaLimits.of(99 * MB, MP4, MOV, WEBM).pixels(8_294_400));

    // The lexicons: app.bsky.embed.images 1,000,000 bytes each (platforms.md agrees), app.bsky.embed.video
    // 100,000,000 (it was 50,000,000, as platforms.md still says) and at most 3 minutes since 2025 (it was 60 s).
    // The lexicon's blob is video/mp4: the video service transcodes what it is given, and MOV (an iPhone's video,
    // the same codecs in Apple's container) is taken too; WebM is left out, as the lexicon names only MP4.
    static final MediaRule BLUESKY = new MediaRule(4, 1, false, Need.NOTHING)
            .images(MediaLimits.of(MB, JPEG, PNG, GIF, WEBP))
            .videos(MediaLimits.of(100 * MB, MP4, MOV).length(null, Duration.ofMinutes(3)));

    // Images ≤5 MB, from 4×4 to 8192×8192; a GIF ≤15 MB and ≤1280×1080, on its own; video MP4/MOV ≤512 MB,
    // 0.5–140 s, 1:3 to 3:1.
    // The video frame: the media best-practices page says 32×32 to 1280×1024, which is the synchronous upload's;
    // the chunked upload AIL uses takes 1920×1200 (and turned), as X's upload notes say.
    static final MediaRule X = new MediaRule(4, 1, false, Need.NOTHING)
            .images(MediaLimits.of(5 * MB, JPEG, PNG, WEBP).frame(8192, 8192).minSide(4))
            .gifs(MediaLimits.of(15 * MB, GIF).frame(1280, 1080), true)
            .videos(MediaLimits.of(512 * MB, MP4, MOV).frame(1920, 1200).minSide(32).aspect("1:3", "3:1")
                    .length(Duration.ofMillis(500), Duration.ofSeconds(140)));

    // Images API: JPG, PNG, GIF under 36,152,320 pixels (a GIF at most 250 frames, not checked here); its docs give
    // no byte cap for images, publishing services hold them to 5 MB, and the stricter number is kept. Videos API: MP4,
    // 3 s – 30 min, 75 KB – 500 MB (platforms.md marks these unverified; the same services agree), 1:2.4 to 2.4:1.
    static final MediaRule LINKEDIN = new MediaRule(20, 1, false, Need.NOTHING)
            .images(MediaLimits.of(5 * MB, JPEG, PNG, GIF).pixels(36_152_319))
            .videos(MediaLimits.of(500 * MB, MP4).aspect("1:2.4", "2.4:1")
                    .length(Duration.ofSeconds(3), Duration.ofMinutes(30)));

    // A webhook receives links to AIL's copy, not the bytes: any format AIL reads, up to AIL's own largest copy.
    static final MediaRule WEBHOOK = new MediaRule(10, 10, true, Need.NOTHING)
            .images(MediaLimits.of(100 * MB, JPEG, PNG, GIF, WEBP, HEIC))
            .videos(MediaLimits.of(100 * MB, MP4, MOV, WEBM));

    // YouTube: 15 minutes unless the channel is verified, which AIL cannot know; files up to 256 GB, more than AIL
    // copies.
    static final MediaRule YOUTUBE = new MediaRule(1, 1, false, Need.VIDEO)
            .videos(MediaLimits.of(256_000 * MB, MP4, MOV, WEBM).length(null, Duration.ofMinutes(15)));

    // TikTok: the creator's max_video_post_duration_sec decides at post time; 10 minutes is the most it allows.
    static final MediaRule TIKTOK = new MediaRule(1, 1, false, Need.VIDEO)
            .videos(MediaLimits.of(4_000 * MB, MP4, MOV, WEBM).minSide(360).length(Duration.ofSeconds(3),
                    Duration.ofMinutes(10)));

    // Facebook Page photos: JPEG, PNG, GIF ≤4 MB; videos ≤10 GB and 240 minutes.
    static final MediaRule FACEBOOK = new MediaRule(10, 1, false, Need.NOTHING)
            .images(MediaLimits.of(4 * MB, JPEG, PNG, GIF))
            .videos(MediaLimits.of(10_000 * MB, MP4, MOV).length(null, Duration.ofMinutes(240)));

    // Instagram: JPEG only, ≤8 MB, 4:5 to 1.91:1; reels MP4/MOV 3 s – 15 min, ≤300 MB (the docs also say 1 GB).
    static final MediaRule INSTAGRAM = new MediaRule(10, 10, true, Need.IMAGE_OR_VIDEO)
            .images(MediaLimits.of(8 * MB, JPEG).aspect("4:5", "1.91:1"))
            .videos(MediaLimits.of(300 * MB, MP4, MOV).length(Duration.ofSeconds(3), Duration.ofMinutes(15)));

    // Threads: JPEG/PNG ≤8 MB, MP4/MOV ≤1 GB and 5 minutes (platforms.md marks them unverified).
    static final MediaRule THREADS = new MediaRule(20, 20, true, Need.NOTHING)
            .images(MediaLimits.of(8 * MB, JPEG, PNG))
            .videos(MediaLimits.of(1_000 * MB, MP4, MOV).length(null, Duration.ofMinutes(5)));

    private MediaRules() {}

}
