package com.ailsocialautomation.oauth;

import com.ailsocialautomation.command.Caller;
import com.ailsocialautomation.command.ConnectLinks;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.ConnectMethod;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.store.OAuthStates;

import java.time.Clock;

/**
 * Connect links, stored as the SHA-256 of their token with who asked (their chat name now, since a name can change
 * later), where, and the encrypted detail. OAuth platforms' links open {@code /oauth/<platform>/start}, the others'
 * {@code /connect/<platform>}; both show the same confirmation first.
 */
public final class OneTimeLinks implements ConnectLinks {
    private final OAuthStates states;
    private final Providers providers;
    private final String publicUrl;
    private final Clock clock;

    public OneTimeLinks(OAuthStates states, Providers providers, String publicUrl, Clock clock) {
        this.states = states;
        this.providers = providers;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public String create(Caller caller, Platform platform, String instanceUrl, Secret detail) {
        OneTimeSecret token = OneTimeSecret.random();
        states.addLink(new OAuthStates.Link(caller.workspaceId(), caller.user().id(), platform.platformId(), instanceUrl),
                caller.user().displayName(), detail, token.hash(), clock.instant().plus(LIFETIME));
        return publicUrl + path(platform) + "?s=" + token.value().reveal();
    }

    private String path(Platform platform) {
        boolean oauth = providers.find(platform).map(p -> p.platform().connectMethod() == ConnectMethod.OAUTH).orElse(false);
        return oauth ? "/oauth/" + platform + "/start" : "/connect/" + platform;
    }
}
