package com.ailsocialautomation.oauth;

import com.ailsocialautomation.command.AccountLinker;
import com.ailsocialautomation.command.Caller;
import com.ailsocialautomation.command.ConnectLinks;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.platform.ConnectMethod;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.Providers;

import java.net.URI;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * connect &lt;platform&gt; [instance] for the platforms that connect through OAuth: a one-time link to
 * {@code /oauth/<platform>/start}, for the caller only. The link works once, for ten minutes, after its page is
 * confirmed; it carries who asked and in which workspace, and only its SHA-256 is stored.
 */
public final class OAuthLinker implements AccountLinker {
    private final ConnectLinks links;
    private final Providers providers;
    private final UrlGuard guard;

    public OAuthLinker(ConnectLinks links, Providers providers, UrlGuard guard) {
        this.links = links;
        this.providers = providers;
        this.guard = guard;
    }

    @Override
    public Set<Platform> platforms() {
        return providers.all().stream().map(Provider::platform).filter(p -> p.connectMethod() == ConnectMethod.OAUTH)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Reply start(Caller caller, Platform platform, String argument) {
        String instanceUrl = providers.get(platform).instanceUrl(argument);
        if (instanceUrl != null) {
            guard.check(instanceUrl); // says now, in chat, what the browser would otherwise learn on a page
        }
        String link = links.create(caller, platform, instanceUrl, null);
        String where = instanceUrl == null ? "" : " on " + URI.create(instanceUrl).getHost();
        return Reply.of("Open this link to connect your " + platform + " account" + where + ". It is for you only, works once and "
                + "expires in " + ConnectLinks.LIFETIME.toMinutes() + " minutes: " + link);
    }
}
