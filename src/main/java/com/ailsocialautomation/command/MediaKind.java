package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.schedule.Echo;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Image or video, judged by the link's file extension; the bytes are sniffed later, when they are fetched. */
enum MediaKind {
    IMAGE, VIDEO;

    private static final Set<String> IMAGES = Set.of("jpg", "jpeg", "png", "gif", "webp");
    private static final Set<String> VIDEOS = Set.of("mp4", "mov", "webm");

    static MediaKind of(String url) {
        URI uri = parse(url);
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        String extension = path.substring(path.lastIndexOf('/') + 1);
        extension = extension.contains(".") ? extension.substring(extension.lastIndexOf('.') + 1) : "";
        if (IMAGES.contains(extension)) {
            return IMAGE;
        }
        if (VIDEOS.contains(extension)) {
            return VIDEO;
        }
        throw new UserError("media:" + Echo.of(url) + " is not an image or video AIL can publish: "
                + "link a .jpg, .jpeg, .png, .gif, .webp, .mp4, .mov or .webm file.");
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url == null ? "" : url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, in the person's terms
        }
        throw new UserError("media:" + Echo.of(url) + " is not a web link: give one starting with https://.");
    }
}
