package com.ailsocialautomation.wiring;

import com.ailsocialautomation.command.NotSetUp;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.HttpLimits;
import com.ailsocialautomation.net.Resolver;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.oauth.OAuthClients;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.GuardedApiClient;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.platform.bluesky.BlueskyProvider;
import com.ailsocialautomation.platform.linkedin.LinkedInProvider;
import com.ailsocialautomation.platform.mastodon.MastodonProvider;
import com.ailsocialautomation.platform.webhook.WebhookProvider;
import com.ailsocialautomation.platform.x.XProvider;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    public final BlueskyProvider bluesky;
    /** The OAuth platforms whose app credentials are not set, with the variables that turn them on. */
    public final NotSetUp notSetUp;
    public final OAuthClients apps;

    private Platforms(Config config, Store store, Owner own, Clock clock, Resolver resolver,
                      Function<GuardedHttp, List<Provider>> extra) {
        guard = new UrlGuard(config.insecureLoopback(), resolver);
        Duration timeout = config.engine().requestTimeout();
        HttpLimits defaults = HttpLimits.defaults();
        http = new GuardedHttp(guard, new HttpLimits(
                timeout.compareTo(defaults.connectTimeout()) < 0 ? timeout : defaults.connectTimeout(), timeout,
                defaults.maxAnswerBytes()));
        own.own("guarded HTTP client", http);
        bluesky = new BlueskyProvider(new GuardedApiClient(http), config.platform("bluesky").apiUrl(), clock);
        Map<String, List<String>> off = new LinkedHashMap<>();
        for (String id : List.of("x", "linkedin")) { // the platforms whose provider needs the operator's OAuth app
            if (!config.platform(id).hasCredentials()) {
                String prefix = "AIL_" + id.toUpperCase(java.util.Locale.ROOT) + "_";
                off.put(id, List.of(prefix + "CLIENT_ID", prefix + "CLIENT_SECRET"));
            }
        }
        notSetUp = new NotSetUp(off);
        List<Provider> on = new ArrayList<>(configured(config, clock));
        on.addAll(extra.apply(http));
        providers = new Providers(on);
        apps = new OAuthClients(config, providers, store.oauthApps);
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

    private List<Provider> configured(Config config, Clock clock) {
        List<Provider> on = new ArrayList<>();
        on.add(new WebhookProvider(http));
        on.add(bluesky); // needs no app credentials: each account signs in with its own app password
        on.add(new MastodonProvider(new GuardedApiClient(http))); // per-instance apps: no operator credentials needed
        DirectApiClient direct = new DirectApiClient(config.engine().requestTimeout());
        Config.PlatformApp x = config.platform("x");
        if (x.hasCredentials()) {
            on.add(new XProvider(direct, x.apiUrl(), x.authUrl(), clock));
        }
        Config.PlatformApp linkedin = config.platform("linkedin");
        if (linkedin.hasCredentials()) {
            on.add(new LinkedInProvider(direct, linkedin.apiUrl(), linkedin.authUrl(), linkedin.version(), clock));
        }
        return on;
    }
}
