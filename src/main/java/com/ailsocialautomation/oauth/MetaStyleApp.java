package com.ailsocialautomation.oauth;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformApp;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One operator app registered with Meta whose dashboard sends deauthorize and data-deletion callbacks as a
 * {@code signed_request} signed with that app's secret: the Meta app Facebook and Instagram share, or the Threads app.
 *
 * @param path      the callbacks' path prefix, from the app's name ({@code /meta}, {@code /threads})
 * @param platforms the platforms connected through the app, whose accounts a callback names
 * @param secret    the app secret the callbacks are signed with
 * @param login     the login the person removed AIL from, as they know it ("Facebook", "Threads")
 */
public record MetaStyleApp(String path, List<PlatformId> platforms, Secret secret, String login) {

    /** The app {@code platform} reads, when the operator configured it; empty otherwise. */
    public static Optional<MetaStyleApp> of(Platform platform, Config config) {
        PlatformApp app = platform.app(config);
        if (!app.hasCredentials()) {
            return Optional.empty();
        }
        List<Platform> sharing = platform.sharingItsApp();
        return Optional.of(new MetaStyleApp("/" + platform.appName().toLowerCase(Locale.ROOT),
                sharing.stream().map(Platform::platformId).toList(), app.clientSecret(), sharing.get(0).displayName()));
    }

    /** The platforms' names for people: "Facebook and Instagram". */
    String platformNames() {
        List<String> names = platforms.stream().map(p -> Platform.of(p).displayName()).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
