package com.ailsocialautomation.oauth;

import com.ailsocialautomation.command.AccountLinker;
import com.ailsocialautomation.command.Caller;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.store.OAuthStates;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * connect &lt;platform&gt; [instance] for the platforms that connect through OAuth: a one-time link to
 * {@code /oauth/<platform>/start}, for the caller only. The link works once, for ten minutes, and carries who asked
 * and in which workspace; only its SHA-256 is stored.
 */
public final class OAuthLinker implements AccountLinker {
    static final Duration LINK_LIFETIME = Duration.ofMinutes(10);

    private final OAuthStates states;
    private final Providers providers;
    private final UrlGuard guard;
    private final String publicUrl;
    private final Clock clock;

    public OAuthLinker(OAuthStates states, Providers providers, UrlGuard guard, String publicUrl, Clock clock) {
        this.states = states;
        this.providers = providers;
        this.guard = guard;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public Set<String> platforms() {
        return providers.all().stream().filter(p -> p.connectMethod() == Provider.ConnectMethod.OAUTH)
                .map(Provider::id).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Reply start(Caller caller, String platform, String argument) {
        String instanceUrl = providers.get(platform).instanceUrl(argument);
        if (instanceUrl != null) {
            guard.check(instanceUrl); // says now, in chat, what the browser would otherwise learn on a page
        }
        OneTimeSecret token = OneTimeSecret.random();
        states.addLink(new OAuthStates.Link(caller.workspaceId(), caller.user().id(), platform, instanceUrl),
                token.hash(), clock.instant().plus(LINK_LIFETIME));
        String link = publicUrl + "/oauth/" + platform + "/start?s=" + token.value().reveal();
        String where = instanceUrl == null ? "" : " on " + URI.create(instanceUrl).getHost();
        return Reply.of("Open this link to connect your " + platform + " account" + where + ". It is for you only, works once and "
                + "expires in " + LINK_LIFETIME.toMinutes() + " minutes: " + link);
    }
}
