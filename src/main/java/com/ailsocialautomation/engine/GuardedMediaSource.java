package com.ailsocialautomation.engine;

import com.ailsocialautomation.media.MediaIntake;
import com.ailsocialautomation.net.Download;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.MediaType;
import com.ailsocialautomation.net.UnreachableUrl;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Media;

import java.net.URI;
import java.util.EnumSet;

/**
 * Media fetched through the URL guard, its type taken from the bytes, never from the URL or a header. A server that
 * cannot be reached, does not answer in time or answers 5xx is a passing failure the engine retries with its
 * backoff; a file that is missing, too big or of another type fails the post at once.
 */
public final class GuardedMediaSource implements MediaSource {
    private final GuardedHttp http;

    public GuardedMediaSource(GuardedHttp http) {
        this.http = http;
    }

    @Override
    public Media fetch(String url) {
        Download download;
        try {
            download = http.download(url, MediaIntake.DEFAULT_CAP, EnumSet.allOf(MediaType.class));
        } catch (UnreachableUrl e) {
            throw new PlatformError(PlatformError.Kind.TRANSIENT, 0, "The media could not be fetched: " + e.getMessage(), null);
        }
        String path = URI.create(url).getPath();
        String name = path == null || path.isEmpty() || path.endsWith("/") ? "media" : path.substring(path.lastIndexOf('/') + 1);
        return Media.inMemory(name, download.type().mimeType(), download.bytes(), null);
    }
}
