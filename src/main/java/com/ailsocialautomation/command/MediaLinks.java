package com.ailsocialautomation.command;

import com.ailsocialautomation.platform.MediaKind;
import com.ailsocialautomation.UserError;
import com.ailsocialautomation.schedule.Echo;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** A media:&lt;url&gt; option as the platforms' media rules see it, or a UserError saying what to link instead. */
final class MediaLinks {
    private MediaLinks() {}

    static MediaKind kind(String url) {
        return MediaKind.ofPath(parse(url).getPath()).orElseThrow(() -> new UserError("media:" + Echo.of(url)
                + " is not an image or video AIL can publish: link a .jpg, .jpeg, .png, .gif, .webp, .mp4, .mov or .webm file."));
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
