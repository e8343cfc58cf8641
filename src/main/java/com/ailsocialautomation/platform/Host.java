package com.ailsocialautomation.platform;

import java.net.URI;

/**
 * A host a platform's code names, declared with the platform so the privacy list of destinations derives from it.
 *
 * @param host a host name, or {@code *.domain} for the domain and its subdomains
 * @param why  what AIL does there, and which setting replaces it
 */
public record Host(String host, Use use, String why) {
    public enum Use {
        /** The server calls it. */
        API,
        /** Only the person's browser opens it: a consent page, or a link to a published post. */
        BROWSER
    }

    static Host api(String url, String why) {
        return new Host(hostOf(url), Use.API, why);
    }

    static Host browser(String url, String why) {
        return new Host(hostOf(url), Use.BROWSER, why);
    }

    private static String hostOf(String url) {
        return url.contains("://") ? URI.create(url).getHost() : url;
    }
}
