package com.ailsocialautomation.oauth;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.command.ConnectLinks;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.AuthorizeRequest;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.ConnectMethod;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.store.OAuthStates;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code /oauth/<platform>/start}: {@link #find} reads the one-time link for its confirmation page and changes
 * nothing; {@link #begin}, on the confirmed POST, uses the link up, makes sure AIL has an app at the instance, and
 * creates the state (hashed), the PKCE verifier (encrypted) and the browser binding for the callback to check.
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

    /** The link as its confirmation page shows it; nothing is used up. */
    OAuthStates.Pending find(String platform, String linkToken) {
        Provider provider = provider(platform);
        return pending(states.findLink(hash(platform, linkToken), provider.platform().platformId(), clock.instant()), platform);
    }

    /** Where the confirmed link will send the browser (for the page's form-action); registers nothing. */
    URI authorizeTarget(String platform, OAuthStates.Pending pending) {
        Provider provider = provider(platform);
        return provider.authorizeUrl(new AuthorizeRequest("-", "-", clients.redirectUri(provider.platform()),
                pending.link().instanceUrl(), new ClientApp("-", null)));
    }

    /** Uses the link confirmed by the browser holding {@code browser}, which the callback must present again. */
    Started begin(String platform, String linkToken, Secret browser) {
        Provider provider = provider(platform);
        String again = again(platform);
        OAuthStates.Link link = pending(states.useLink(hash(platform, linkToken), provider.platform().platformId(), clock.instant()), platform).link();
        ClientApp app;
        try {
            app = clients.forConnecting(provider, link.instanceUrl());
        } catch (PlatformError e) {
            throw new UserError("AIL could not register with " + where(link) + ": " + OAuthCallback.sentence(e.getMessage()) + " " + again);
        }
        OneTimeSecret state = OneTimeSecret.random();
        OneTimeSecret verifier = OneTimeSecret.random();
        states.addState(link, state.hash(), OneTimeSecret.sha256(browser.reveal()), verifier.value(), clock.instant().plus(STATE_LIFETIME));
        URI authorize = provider.authorizeUrl(new AuthorizeRequest(state.value().reveal(), verifier.challenge(),
                clients.redirectUri(provider.platform()), link.instanceUrl(), app));
        return new Started(authorize, cookieName(state.value().reveal()), browser);
    }

    private Provider provider(String platform) {
        return Platform.find(platform).flatMap(providers::find).filter(p -> p.platform().connectMethod() == ConnectMethod.OAUTH)
                .orElseThrow(() -> new UserError("This server does not connect " + platform + " accounts through a link."));
    }

    /** The SHA-256 a link is stored under. */
    static byte[] hash(String platform, String linkToken) {
        if (linkToken == null || linkToken.isBlank()) {
            throw new UserError("This link is incomplete. " + again(platform));
        }
        return OneTimeSecret.sha256(linkToken);
    }

    static OAuthStates.Pending pending(Optional<OAuthStates.Pending> found, String platform) {
        return found.orElseThrow(() -> new UserError("This link has expired or was already used; each link works once, for "
                + ConnectLinks.LIFETIME.toMinutes() + " minutes. " + again(platform)));
    }

    private static String again(String platform) {
        return "Run /ail connect " + platform + " in chat for a new link.";
    }

    /** One cookie per flow, named after its state, so two flows in one browser do not undo each other. */
    static String cookieName(String state) {
        return "ail_oauth_" + HexFormat.of().formatHex(OneTimeSecret.sha256(state), 0, 8);
    }

    private static String where(OAuthStates.Link link) {
        return link.instanceUrl() == null ? link.platform().id() : URI.create(link.instanceUrl()).getHost();
    }
}
