package com.ailsocialautomation.platform;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.ConfigError;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.linkedin.LinkedInVersion;

/**
 * A platform's settings from AIL_&lt;PLATFORM&gt;_* variables, for the {@link Platform.Setting}s it declares; the
 * others stay null. Bases are null for the platform's own; {@code dailyQuota} is null for the platform's default;
 * {@code organizations} is whether the operator turned on the organizations a person administers (LinkedIn Pages).
 */
public record PlatformApp(String clientId, Secret clientSecret, String apiUrl, String authUrl, String version, String videoUrl,
                          Integer dailyQuota, boolean organizations) {

    public PlatformApp(String clientId, Secret clientSecret, String apiUrl, String authUrl, String version) {
        this(clientId, clientSecret, apiUrl, authUrl, version, null, null);
    }

    public PlatformApp(String clientId, Secret clientSecret, String apiUrl, String authUrl, String version, String videoUrl,
                       Integer dailyQuota) {
        this(clientId, clientSecret, apiUrl, authUrl, version, videoUrl, dailyQuota, false);
    }

    /** Whether the operator's OAuth app is configured. */
    public boolean hasCredentials() {
        return clientId != null && clientSecret != null;
    }

    /** Reads and checks the platform's variables; a bad value is a ConfigError naming the variable. */
    static PlatformApp read(Platform platform, Config config) {
        Config.Settings env = config.settings();
        boolean client = platform.reads(Platform.Setting.CLIENT);
        return new PlatformApp(
                client ? env.string(platform.variable("CLIENT_ID")) : null,
                client ? env.secret(platform.variable("CLIENT_SECRET")) : null,
                platform.reads(Platform.Setting.API_URL) ? env.url(platform.variable("API_URL")) : null,
                platform.reads(Platform.Setting.AUTH_URL) ? env.url(platform.variable("AUTH_URL")) : null,
                platform.reads(Platform.Setting.VERSION) ? version(platform, env) : null,
                platform.reads(Platform.Setting.VIDEO_URL) ? env.url(platform.variable("VIDEO_URL")) : null,
                platform.reads(Platform.Setting.DAILY_QUOTA) ? env.integer(platform.variable("DAILY_QUOTA"), 1, 1_000_000) : null,
                platform.reads(Platform.Setting.ORGANIZATIONS) && env.bool(platform.variable("ORGANIZATIONS"), false));
    }

    private static String version(Platform platform, Config.Settings env) {
        String name = platform.variable("VERSION");
        String version = env.string(name);
        if (version != null && !version.matches("20\\d{2}(0[1-9]|1[0-2])")) {
            throw new ConfigError(name, "must be a " + platform.displayName() + " API version as YYYYMM, such as " + LinkedInVersion.DEFAULT + ", got '"
                    + (version.length() > 20 ? version.substring(0, 20) + "..." : version) + "'");
        }
        return version;
    }
}
