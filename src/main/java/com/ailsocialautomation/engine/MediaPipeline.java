package com.ailsocialautomation.engine;

import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.store.MediaUploads;
import com.ailsocialautomation.store.MediaUploads.Upload;
import com.ailsocialautomation.store.Target;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    private final MediaUploads uploads;
    private final Clock clock;
    private final Duration pollEvery;
    private final Duration giveUpAfter;

    public MediaPipeline(MediaUploads uploads, Clock clock, Duration pollEvery, Duration giveUpAfter) {
        this.uploads = uploads;
        this.clock = clock;
        this.pollEvery = pollEvery;
        this.giveUpAfter = giveUpAfter;
    }

    /**
     * Uploads what the platform does not hold yet, asks about what it is still processing, and says whether the
     * target can be published now. A passing failure (TRANSIENT, RATE_LIMITED, AUTH_EXPIRED) is thrown as it came,
     * with what was already uploaded kept; a refusal is an {@link ItemRefused} naming the file. {@code keys} name
     * each item's source (a stored copy's id, a link), so an item replaced by an edit is uploaded anew.
     */
    public Prepared prepare(Provider provider, Credentials creds, Target target, List<Media> items, List<String> keys) {
        if (items.isEmpty() || !provider.uploadsMedia()) {
            return new Ready(List.of());
        }
        Instant now = clock.instant();
        Map<Integer, Upload> held = uploads.of(target.workspaceId(), target.id()).stream()
                // a processed item is reused while the platform keeps it; one still processing is bounded by giveUpAfter
                .filter(u -> !u.ready() || u.uploadedAt().isAfter(now.minus(provider.uploadKeptFor())))
                .collect(Collectors.toMap(Upload::position, Function.identity()));
        List<MediaRef> refs = new ArrayList<>();
        Instant checkAt = null;
        for (int position = 0; position < items.size(); position++) {
            Media item = items.get(position);
            // the alt text is part of what was uploaded (Mastodon's description, X's metadata): a new one uploads anew
            String hash = MediaUploads.sourceHash(keys.get(position) + "\u0000" + (item.altText() == null ? "" : item.altText()));
            Upload upload = held.get(position);
            MediaRef ref;
            if (upload == null || !upload.sourceHash().equals(hash)) {
                ref = upload(provider, creds, target, position, hash, item);
            } else if (!upload.ready()) {
                ref = poll(provider, creds, target, upload);
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

    /** Forgets what the platform held for the target: it was published, or a retry must start afresh. */
    public void forget(Target target) {
        uploads.forget(target.workspaceId(), target.id());
    }

    private MediaRef upload(Provider provider, Credentials creds, Target target, int position, String hash, Media media) {
        MediaRef ref = refusedAs(media.fileName(), () -> provider.uploadMedia(creds, media));
        uploads.save(target.workspaceId(), target.id(),
                new Upload(position, hash, ref.id(), ref.ready(), media.fileName(), ref.payload(), clock.instant()));
        return ref;
    }

    private MediaRef poll(Provider provider, Credentials creds, Target target, Upload upload) {
        if (upload.uploadedAt().isBefore(clock.instant().minus(giveUpAfter))) {
            throw new ItemRefused(upload.fileName(), new PlatformError(PlatformError.Kind.PERMANENT, 0, provider.platform().displayName()
                    + " was still processing it after " + giveUpAfter.toMinutes() + " minutes", null));
        }
        MediaRef ref = refusedAs(upload.fileName(), () -> provider.mediaStatus(creds, ref(upload)));
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
