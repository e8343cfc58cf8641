package com.ailsocialautomation.platform;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.net.GuardedHttp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The providers that are on, by platform. */
public final class Providers {
    private final Map<Platform, Provider> byPlatform = new EnumMap<>(Platform.class);

    public Providers(Collection<Provider> providers) {
        providers.forEach(p -> byPlatform.put(p.platform(), p));
    }

    /**
     * The provider of every {@link Platform} that has one and is on with {@code config}: the webhook, Bluesky and
     * Mastodon always (they need no operator app), X and LinkedIn with their client id and secret. Providers that
     * call hosts people choose get {@code http}; those that call the platform's own API get {@code direct}; those
     * whose platform fetches media by URL get links from {@code publicMedia}.
     */
    public static Providers enabled(Config config, GuardedHttp http, DirectApiClient direct, Clock clock, PublicMedia publicMedia) {
        List<Provider> on = new ArrayList<>();
        for (Platform platform : Platform.withProvider()) {
            platform.provider(new Platform.Parts(platform.app(config), http, direct, clock, publicMedia)).ifPresent(on::add);
        }
        return new Providers(on);
    }

    public Optional<Provider> find(Platform platform) {
        return Optional.ofNullable(byPlatform.get(platform));
    }

    /** The provider, or a UserError naming the platforms that are on. */
    public Provider get(Platform platform) {
        return find(platform).orElseThrow(() -> new UserError("The platform '" + platform + "' is not enabled on this server; available: "
                + String.join(", ", byPlatform.keySet().stream().map(Platform::id).toList()) + "."));
    }

    public Collection<Provider> all() {
        return byPlatform.values();
    }
}
