package com.ailsocialautomation.oauth;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.AuthorizeRequest;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.store.OAuthStates;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * {@code GET /oauth/<platform>/start?s=...}: uses up the one-time link, makes sure AIL has an app at the instance,
 * and creates the state (hashed), the PKCE verifier (encrypted) and a browser binding for the callback to check.
 */
final class OAuthStart {
    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

    /** Where to send the browser, and the cookie that binds this flow to it. */
    record Started(URI authorizeUrl, String cookieName, Secret browser) {}

    private final OAuthStates states;
    private final Providers providers;
    private final OAuthClients clients;
    private final Clock clock;

    OAuthStart(OAuthStates states, Providers providers, OAuthClients clients, Clock clock) {
        this.states = states;
        this.providers = providers;
        this.clients = clients;
        this.clock = clock;
    }

    Started begin(String platform, String linkToken) {
        Provider provider = providers.find(platform).filter(p -> p.connectMethod() == Provider.ConnectMethod.OAUTH)
                .orElseThrow(() -> new UserError("This server does not connect " + platform + " accounts through a link."));
        String again = "Run /ail connect " + platform + " in chat for a new link.";
        if (linkToken == null || linkToken.isBlank()) {
            throw new UserError("This link is incomplete. " + again);
        }
        OAuthStates.Link link = states.useLink(OneTimeSecret.sha256(linkToken), platform, clock.instant())
                .orElseThrow(() -> new UserError("This link has expired or was already used; each link works once, for 10 minutes. " + again));
        ClientApp app;
        try {
            app = clients.forConnecting(provider, link.instanceUrl());
        } catch (PlatformError e) {
            throw new UserError("AIL could not register with " + where(link) + ": " + OAuthCallback.sentence(e.getMessage()) + " " + again);
        }
        OneTimeSecret state = OneTimeSecret.random();
        OneTimeSecret verifier = OneTimeSecret.random();
        OneTimeSecret browser = OneTimeSecret.random();
        states.addState(link, state.hash(), browser.hash(), verifier.value(), clock.instant().plus(STATE_LIFETIME));
        URI authorize = provider.authorizeUrl(new AuthorizeRequest(state.value().reveal(), verifier.challenge(),
                clients.redirectUri(platform), link.instanceUrl(), app));
        return new Started(authorize, cookieName(state.value().reveal()), browser.value());
    }

    /** One cookie per flow, named after its state, so two flows in one browser do not undo each other. */
    static String cookieName(String state) {
        return "ail_oauth_" + HexFormat.of().formatHex(OneTimeSecret.sha256(state), 0, 8);
    }

    private static String where(OAuthStates.Link link) {
        return link.instanceUrl() == null ? link.platform() : URI.create(link.instanceUrl()).getHost();
    }
}
