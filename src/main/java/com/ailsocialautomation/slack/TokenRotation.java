package com.ailsocialautomation.slack;

import com.ailsocialautomation.config.Secret;
import com.slack.api.Slack;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Bot tokens of distributed installations, refreshed before use when token rotation is on: a token that expires
 * within {@link #EARLY} is exchanged ({@code oauth.v2.access}, grant_type refresh_token) under the installation's
 * row lock, so two instances never spend the same single-use refresh token. Bolt is handed tokens without their
 * refresh token, so this is the only place that refreshes.
 */
final class TokenRotation implements BotTokens {
    static final Duration EARLY = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(TokenRotation.class);

    private final InstallationStore store;
    private final Slack slack;
    private final String clientId;
    private final Secret clientSecret;
    private final Clock clock;

    TokenRotation(InstallationStore store, Slack slack, String clientId, Secret clientSecret, Clock clock) {
        this.store = store;
        this.slack = slack;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    @Override
    public String forTeam(String teamId) {
        return store.forTeam(teamId).map(this::fresh).map(i -> i.botToken() == null ? null : i.botToken().reveal()).orElse(null);
    }

    /** The installation with a token that is good for at least {@link #EARLY}. */
    Installation fresh(Installation installation) {
        if (!installation.expiresWithin(EARLY, clock.instant())) {
            return installation;
        }
        return store.refreshLocked(installation.id(), current -> {
            if (!current.expiresWithin(EARLY, clock.instant())) {
                return current; // another instance refreshed it while this one waited for the lock
            }
            return refreshed(current);
        });
    }

    private Installation refreshed(Installation current) {
        OAuthV2AccessResponse answer;
        try {
            answer = slack.methods().oauthV2Access(r -> r.clientId(clientId).clientSecret(clientSecret.reveal())
                    .grantType("refresh_token").refreshToken(current.refreshToken().reveal()));
        } catch (Exception e) {
            throw new IllegalStateException("Slack could not be reached to refresh a bot token: " + e.getMessage());
        }
        if (!answer.isOk() || answer.getAccessToken() == null) {
            log.warn("Refreshing the bot token of Slack workspace {} failed: {}", current.teamId(), answer.getError());
            throw new IllegalStateException("Slack refused to refresh a bot token: " + answer.getError());
        }
        Instant expires = answer.getExpiresIn() == null ? null : clock.instant().plusSeconds(answer.getExpiresIn());
        return current.withTokens(Secret.of(answer.getAccessToken()), Secret.ofNullable(answer.getRefreshToken()), expires);
    }
}
