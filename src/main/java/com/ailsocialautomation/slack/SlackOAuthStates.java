package com.ailsocialautomation.slack;

import com.ailsocialautomation.store.Sql;
import com.slack.api.bolt.service.OAuthStateService;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The install flow's OAuth states in PostgreSQL, so any instance can finish an install another one started.
 * A state lives 10 minutes and is used once; only its SHA-256 is stored.
 */
final class SlackOAuthStates implements OAuthStateService {
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final Sql sql;
    private final Clock clock;

    SlackOAuthStates(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public long getExpirationInSeconds() {
        return LIFETIME.toSeconds();
    }

    @Override
    public void addNewStateToDatastore(String state) {
        sql.update("delete from slack_oauth_states where expires_at < ?", clock.instant());
        sql.update("insert into slack_oauth_states (state, expires_at) values (?, ?)", hash(state), clock.instant().plus(LIFETIME));
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return state != null && sql.one("select 1 from slack_oauth_states where state = ? and expires_at > ?",
                rs -> 1, hash(state), clock.instant()).isPresent();
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        sql.update("delete from slack_oauth_states where state = ?", hash(state));
    }

    private static String hash(String state) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
