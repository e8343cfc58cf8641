package com.ailsocialautomation.engine;

import com.ailsocialautomation.net.Download;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.MediaType;
import com.ailsocialautomation.platform.Media;

import java.net.URI;
import java.util.EnumSet;

/** Media fetched through the URL guard, its type taken from the bytes, never from the URL or a header. */
public final class GuardedMediaSource implements MediaSource {
    static final long MAX_MEDIA_BYTES = 100L * 1024 * 1024;

    private final GuardedHttp http;

    public GuardedMediaSource(GuardedHttp http) {
        this.http = http;
    }

    @Override
    public Media fetch(String url) {
        Download download = http.download(url, MAX_MEDIA_BYTES, EnumSet.allOf(MediaType.class));
        String path = URI.create(url).getPath();
        String name = path == null || path.isEmpty() || path.endsWith("/") ? "media" : path.substring(path.lastIndexOf('/') + 1);
        return new Media(name, download.type().mimeType(), download.bytes(), null);
    }
}
