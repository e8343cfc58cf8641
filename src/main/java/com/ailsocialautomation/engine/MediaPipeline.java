package com.ailsocialautomation.engine;

import com.ailsocialautomation.media.MediaGrants;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.DailyAllowance;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.store.MediaUploads;
import com.ailsocialautomation.store.MediaUploads.Upload;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.UploadAllowances;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gets a target's media onto its platform without ever holding an engine thread while the platform processes it:
 * each item is uploaded once (what the platform holds is recorded per target and item, so a retry, a crash revival
 * or the next poll reuses it), then looked at again on later runs until ready. {@link #prepare} answers
 * {@link Ready} with the refs, or {@link Processing} with when to look again (the platform's own check-after, else
 * {@code pollEvery}); the publisher hands the target back to the scheduler until then.
 */
public final class MediaPipeline {
    /** What {@link #prepare} found. */
    public sealed interface Prepared permits Ready, Processing {}

    /** Every item is on the platform and processed, in the post's order. */
    public record Ready(List<MediaRef> media) implements Prepared {}

    /** The platform is still processing at least one item: look again at {@code checkAt}. */
    public record Processing(Instant checkAt) implements Prepared {}

    /** The platform refused an item or could not process it: its file name and the platform's own words. */
    public static final class ItemRefused extends RuntimeException {
        private final String fileName;
        private final PlatformError error;

        ItemRefused(String fileName, PlatformError error) {
            super(error.getMessage(), null, false, false);
            this.fileName = fileName;
            this.error = error;
        }

        public String fileName() {
            return fileName;
        }

        public PlatformError error() {
            return error;
        }
    }

    /**
     * The platform's daily upload allowance is used up: the target waits until {@code until}, when it resets, with
     * {@code reason} for people. Not a failure and not an attempt.
     */
    public static final class Held extends RuntimeException {
        private final Instant until;

        Held(Instant until, String reason) {
            super(reason, null, false, false);
            this.until = until;
        }

        public Instant until() {
            return until;
        }
    }

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final MediaUploads uploads;
    private final UploadAllowances allowances;
    private final MediaGrants grants;
    private final Clock clock;
    private final Duration pollEvery;
    private final Duration giveUpAfter;

    public MediaPipeline(MediaUploads uploads, UploadAllowances allowances, MediaGrants grants, Clock clock, Duration pollEvery,
                         Duration giveUpAfter) {
        this.uploads = uploads;
        this.allowances = allowances;
        this.grants = grants;
        this.clock = clock;
        this.pollEvery = pollEvery;
        this.giveUpAfter = giveUpAfter;
    }

    /**
     * Uploads what the platform does not hold yet, asks about what it is still processing, and says whether the
     * target can be published now. A passing failure (TRANSIENT, RATE_LIMITED, AUTH_EXPIRED) is thrown as it came,
     * with what was already uploaded kept; a refusal is an {@link ItemRefused} naming the file. {@code keys} name
     * each item's source (a stored copy's id, a link), so an item replaced by an edit is uploaded anew. {@code post} is
     * the post without its media, for uploads that carry it. A new upload past the platform's daily allowance is
     * {@link Held}.
     */
    public Prepared prepare(Provider provider, Credentials creds, Target target, List<Media> items, List<String> keys,
                            PublishRequest post) {
        if (items.isEmpty() || !provider.uploadsMedia()) {
            return new Ready(List.of());
        }
        Instant now = clock.instant();
        Map<Integer, Upload> held = uploads.of(target.workspaceId(), target.id()).stream()
                // a processed item is reused while the platform keeps it; one still processing is bounded by giveUpAfter;
                // where the upload is the post, what the platform holds is the post and is never uploaded again
                .filter(u -> !u.ready() || provider.postsOnUpload() || u.uploadedAt().isAfter(now.minus(provider.uploadKeptFor())))
                .collect(Collectors.toMap(Upload::position, Function.identity()));
        List<MediaRef> refs = new ArrayList<>();
        Instant checkAt = null;
        for (int position = 0; position < items.size(); position++) {
            Media item = items.get(position);
            // the alt text is part of what was uploaded (Mastodon's description, X's metadata): a new one uploads anew
            // so is what the upload carries of the post (YouTube's title and description): an edit uploads anew
            String hash = MediaUploads.sourceHash(keys.get(position) + "\u0000" + (item.altText() == null ? "" : item.altText())
                    + (post == null ? "" : provider.uploadCarries(post)));
            Upload upload = held.get(position);
            MediaRef ref;
            if (upload == null || !upload.sourceHash().equals(hash)) {
                ref = upload(provider, creds, target, position, hash, item, post);
            } else if (!upload.ready()) {
                ref = poll(provider, creds, target, upload, item);
            } else {
                ref = ref(upload);
            }
            if (!ref.ready()) {
                Instant next = now.plus(ref.checkAfter() == null || ref.checkAfter().compareTo(pollEvery) < 0 ? pollEvery : ref.checkAfter());
                checkAt = checkAt == null || next.isBefore(checkAt) ? next : checkAt;
            }
            refs.add(ref);
        }
        return checkAt == null ? new Ready(refs) : new Processing(checkAt);
    }

    /**
     * Forgets what the platform held for the target: it was published, or a retry must start afresh. The public
     * links made for it end too: a platform that has not fetched an item by now is not publishing this target.
     */
    public void forget(Target target) {
        uploads.forget(target.workspaceId(), target.id());
        grants.revokeTarget(target.workspaceId(), target.id());
    }

    /** Whether the platform holds something of the target's media (where the upload posts: the post itself). */
    public boolean holds(Target target) {
        return !uploads.of(target.workspaceId(), target.id()).isEmpty();
    }

    private MediaRef upload(Provider provider, Credentials creds, Target target, int position, String hash, Media media,
                            PublishRequest post) {
        DailyAllowance allowance = provider.uploadAllowance();
        Instant now = clock.instant();
        if (allowance != null && !allowances.take(target.platform(), allowance.project(), allowance.day(now), allowance.perDay())) {
            throw held(allowance, now, allowance.name() + " (" + allowance.perDay() + " uploads a day) is used up");
        }
        MediaRef ref;
        try {
            ref = refusedAs(media.fileName(), () -> provider.uploadMedia(creds, media, post));
        } catch (PlatformError e) {
            if (allowance == null || !e.isAllowanceUsedUp()) {
                throw e;
            }
            allowances.useUp(target.platform(), allowance.project(), allowance.day(now), allowance.perDay());
            throw held(allowance, now, e.getMessage());
        }
        uploads.save(target.workspaceId(), target.id(),
                new Upload(position, hash, ref.id(), ref.ready(), media.fileName(), ref.payload(), clock.instant()));
        return ref;
    }

    private static Held held(DailyAllowance allowance, Instant now, String why) {
        Instant until = allowance.nextReset(now);
        return new Held(until, "held: " + why + "; it goes at " + UTC.format(until) + ", when " + allowance.name()
                + " resets (midnight " + allowance.resets().getId() + ")");
    }

    private MediaRef poll(Provider provider, Credentials creds, Target target, Upload upload, Media item) {
        if (upload.uploadedAt().isBefore(clock.instant().minus(giveUpAfter))) {
            if (provider.postsOnUpload()) {
                // the platform has the post and may still publish it: not a refusal, an unknown
                throw PlatformError.answerLost(provider.platform().displayName() + " was still processing it after "
                        + giveUpAfter.toMinutes() + " minutes");
            }
            throw new ItemRefused(upload.fileName(), new PlatformError(PlatformError.Kind.PERMANENT, 0, provider.platform().displayName()
                    + " was still processing it after " + giveUpAfter.toMinutes() + " minutes", null));
        }
        MediaRef ref = refusedAs(upload.fileName(), () -> provider.mediaStatus(creds, ref(upload), item));
        uploads.save(target.workspaceId(), target.id(), new Upload(upload.position(), upload.sourceHash(), ref.id(), ref.ready(),
                upload.fileName(), ref.payload(), upload.uploadedAt()));
        return ref;
    }

    private static MediaRef ref(Upload upload) {
        return new MediaRef(upload.mediaId(), upload.ready(), upload.payload());
    }

    private static MediaRef refusedAs(String fileName, java.util.function.Supplier<MediaRef> call) {
        try {
            return call.get();
        } catch (PlatformError e) {
            if (e.kind() == PlatformError.Kind.PERMANENT) {
                throw new ItemRefused(fileName, e);
            }
            throw e;
        }
    }
}
