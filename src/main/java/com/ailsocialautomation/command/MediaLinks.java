package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.schedule.Echo;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A media:&lt;url&gt; option's shape, checked before anything is fetched. Its extension says nothing: the bytes
 * decide the format once AIL has them, so a link without one is fine.
 */
final class MediaLinks {
    private MediaLinks() {}

    static void check(String url) {
        try {
            URI uri = new URI(url == null ? "" : url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below, in the person's terms
        }
        throw new UserError("media:" + Echo.of(url) + " is not a web link: give one starting with https://.");
    }
}
