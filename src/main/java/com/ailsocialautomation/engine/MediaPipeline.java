package com.ailsocialautomation.engine;

import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Downloads each media URL through the guard, uploads it, and waits until the platform has processed it. */
public final class MediaPipeline {
    private final MediaSource source;
    private final Duration pollEvery;
    private final Duration giveUpAfter;

    public MediaPipeline(MediaSource source, Duration pollEvery, Duration giveUpAfter) {
        this.source = source;
        this.pollEvery = pollEvery;
        this.giveUpAfter = giveUpAfter;
    }

    public List<MediaRef> prepare(Provider provider, Credentials creds, List<String> urls) {
        if (urls.isEmpty() || !provider.uploadsMedia()) {
            return List.of();
        }
        List<MediaRef> refs = new ArrayList<>();
        for (String url : urls) {
            MediaRef ref = provider.uploadMedia(creds, source.fetch(url));
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
