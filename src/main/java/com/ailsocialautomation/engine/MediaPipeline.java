package com.ailsocialautomation.engine;

import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Uploads each of a post's media, and waits until the platform has processed it. */
public final class MediaPipeline {
    private final Duration pollEvery;
    private final Duration giveUpAfter;

    public MediaPipeline(Duration pollEvery, Duration giveUpAfter) {
        this.pollEvery = pollEvery;
        this.giveUpAfter = giveUpAfter;
    }

    public List<MediaRef> prepare(Provider provider, Credentials creds, List<Media> items) {
        if (items.isEmpty() || !provider.uploadsMedia()) {
            return List.of();
        }
        List<MediaRef> refs = new ArrayList<>();
        for (Media item : items) {
            MediaRef ref = provider.uploadMedia(creds, item);
            long deadline = System.nanoTime() + giveUpAfter.toNanos();
            while (!ref.ready()) {
                if (System.nanoTime() > deadline) {
                    throw new PlatformError(PlatformError.Kind.TRANSIENT, 0,
                            provider.platform() + " was still processing the media after " + giveUpAfter.toMinutes() + " minutes", null);
                }
                sleep();
                ref = provider.mediaStatus(creds, ref);
            }
            refs.add(ref);
        }
        return refs;
    }

    private void sleep() {
        try {
            Thread.sleep(pollEvery.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformError(PlatformError.Kind.TRANSIENT, 0, "interrupted while waiting for media processing", null);
        }
    }
}
