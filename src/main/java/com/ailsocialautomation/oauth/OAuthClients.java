package com.ailsocialautomation.oauth;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.engine.ClientApps;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.ConnectMethod;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformApp;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.OAuthApps;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which OAuth client an account belongs to: the operator's configured app (X, LinkedIn), or the app AIL registered
 * at the account's own instance (Mastodon), registered on the first connect there and reused after.
 */
public final class OAuthClients implements ClientApps {
    private final Config config;
    private final Map<Platform, PlatformApp> operatorApps = new EnumMap<>(Platform.class);
    private final OAuthApps registered;

    public OAuthClients(Config config, OAuthApps registered) {
        this.config = config;
        this.registered = registered;
        for (Platform platform : Platform.values()) {
            operatorApps.put(platform, platform.app(config));
        }
    }

    /** The exact redirect URI of a platform, the same at start, at the token exchange and at registration. */
    public String redirectUri(Platform platform) {
        return config.publicUrl() + "/oauth/" + platform + "/callback";
    }

    @Override
    public ClientApp forAccount(Account account) {
        ClientApp operator = operatorApp(Platform.of(account.platform()));
        if (operator != null) {
            return operator;
        }
        if (Platform.of(account.platform()).connectMethod() != ConnectMethod.OAUTH || account.instanceUrl() == null) {
            return null;
        }
        Optional<OAuthApps.Registered> app = registered.find(account.platform(), account.instanceUrl(), redirectUri(Platform.of(account.platform())))
                .or(() -> registered.latest(account.platform(), account.instanceUrl()));
        return app.map(OAuthClients::clientApp).orElse(null);
    }

    /** The app to connect with: the operator's, the instance's stored one, or one registered there now. */
    ClientApp forConnecting(Provider provider, String instanceUrl) {
        ClientApp operator = operatorApp(provider.platform());
        if (operator != null || instanceUrl == null) {
            return operator;
        }
        String redirectUri = redirectUri(provider.platform());
        Optional<OAuthApps.Registered> stored = registered.find(provider.platform().platformId(), instanceUrl, redirectUri);
        if (stored.isPresent()) {
            return clientApp(stored.get());
        }
        ClientApp fresh = provider.registerApp(instanceUrl, redirectUri);
        if (fresh == null) {
            return null;
        }
        return clientApp(registered.save(provider.platform().platformId(), instanceUrl, redirectUri,
                new OAuthApps.Registered(fresh.clientId(), fresh.clientSecret(), fresh.scopes())));
    }

    private ClientApp operatorApp(Platform platform) {
        PlatformApp app = operatorApps.get(platform);
        return app.hasCredentials() ? new ClientApp(app.clientId(), app.clientSecret()) : null;
    }

    private static ClientApp clientApp(OAuthApps.Registered app) {
        return new ClientApp(app.clientId(), app.clientSecret(), app.scopes());
    }
}
