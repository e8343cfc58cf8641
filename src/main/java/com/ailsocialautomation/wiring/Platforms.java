package com.ailsocialautomation.wiring;

import com.ailsocialautomation.command.NotSetUp;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.media.MediaGrants;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.HttpLimits;
import com.ailsocialautomation.net.Resolver;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.oauth.OAuthClients;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.Providers;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The outward side: the URL guard, the guarded HTTP client for addresses people give, and the providers of the
 * platforms this server has turned on, with the OAuth apps they use.
 */
public final class Platforms {
    public final UrlGuard guard;
    public final GuardedHttp http;
    public final Providers providers;
    /** The Bluesky provider: the connect step signs in with it before an account exists. */
    public final Provider bluesky;
    /** The OAuth platforms whose app credentials are not set, with the variables that turn them on. */
    public final NotSetUp notSetUp;
    public final OAuthClients apps;
    /** Public links to copied media, for platforms that fetch media by URL; served by {@code web.MediaRoutes}. */
    public final MediaGrants mediaGrants;

    private Platforms(Config config, Store store, Owner own, Clock clock, Resolver resolver,
                      Function<GuardedHttp, List<Provider>> extra) {
        guard = new UrlGuard(config.insecureLoopback(), resolver);
        Duration timeout = config.engine().requestTimeout();
        HttpLimits defaults = HttpLimits.defaults();
        http = new GuardedHttp(guard, new HttpLimits(
                timeout.compareTo(defaults.connectTimeout()) < 0 ? timeout : defaults.connectTimeout(), timeout,
                defaults.maxAnswerBytes()));
        own.own("guarded HTTP client", http);
        Map<Platform, List<String>> off = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.withProvider()) {
            if (platform.whyOff(platform.app(config)).isPresent()) {
                off.put(platform, List.of(platform.variable("CLIENT_ID"), platform.variable("CLIENT_SECRET")));
            }
        }
        notSetUp = new NotSetUp(off);
        mediaGrants = new MediaGrants(store.sql, store.media, config.publicUrl(), clock);
        List<Provider> on = new ArrayList<>(Providers.enabled(config, http,
                new DirectApiClient(config.engine().requestTimeout()), clock, mediaGrants).all());
        on.addAll(extra.apply(http)); // a stand-in replaces the configured provider of its platform
        providers = new Providers(on);
        bluesky = providers.get(Platform.BLUESKY);
        apps = new OAuthClients(config, store.oauthApps);
    }

    /** The providers this configuration turns on. */
    public static Platforms of(Config config, Store store, Owner own, Clock clock) {
        return new Platforms(config, store, own, clock, Resolver.system(), http -> List.of());
    }

    /**
     * The configured providers plus {@code extra} ones built over the guarded client, with names resolved by
     * {@code resolver} (tests: a platform stand-in that the configuration cannot name, public names without DNS).
     */
    public static Platforms with(Config config, Store store, Owner own, Clock clock, Resolver resolver,
                                 Function<GuardedHttp, List<Provider>> extra) {
        return new Platforms(config, store, own, clock, resolver, extra);
    }
}
