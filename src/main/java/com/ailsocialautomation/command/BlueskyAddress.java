package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.config.Secret;

import java.util.Locale;

/** Reads what people type as a handle, a PDS address and an app password. */
final class BlueskyAddress {
    private static final String HANDLE = "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?";
    // what Bluesky's PDS generates; anything else is most likely the main password, which must not reach AIL
    private static final String APP_PASSWORD = "[a-zA-Z0-9]{4}(-[a-zA-Z0-9]{4}){3}";

    private BlueskyAddress() {}

    static String handle(String typed) {
        String handle = typed.strip().toLowerCase(Locale.ROOT);
        handle = handle.startsWith("@") ? handle.substring(1) : handle;
        if (handle.length() > 253 || !(handle.matches(HANDLE) || handle.matches("did:(plc|web):[a-z0-9._:%-]+"))) {
            throw new UserError("'" + (handle.length() > 60 ? handle.substring(0, 60) + "…" : handle)
                    + "' is not a Bluesky handle; give one like ana.bsky.social.");
        }
        return handle;
    }

    /** https:// is assumed when no scheme is given; scheme and host in lower case, no trailing slash. */
    static String pds(String typed) {
        String url = typed.strip();
        url = url.contains("://") ? url : "https://" + url;
        int hostEnd = url.indexOf('/', url.indexOf("://") + 3);
        url = hostEnd < 0 ? url.toLowerCase(Locale.ROOT) : url.substring(0, hostEnd).toLowerCase(Locale.ROOT) + url.substring(hostEnd);
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.contains("?") || url.contains("#") || url.contains("|")) {
            throw new UserError("Give the PDS as its address only, such as https://pds.example.com.");
        }
        return url;
    }

    static Secret appPassword(String typed) {
        String password = typed == null ? "" : typed.strip();
        if (password.isEmpty()) {
            throw new UserError("The app password was empty. Create one in Bluesky (" + BlueskyLinker.WHERE + ") and connect again.");
        }
        if (!password.matches(APP_PASSWORD)) {
            throw new UserError("That is not an app password (they look like xxxx-xxxx-xxxx-xxxx). Never give AIL "
                    + "your main password: create an app password in Bluesky (" + BlueskyLinker.WHERE + ") and connect again.");
        }
        return Secret.of(password);
    }
}
