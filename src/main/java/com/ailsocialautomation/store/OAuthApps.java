package com.ailsocialautomation.store;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.PlatformId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * OAuth clients registered at a server of the person's choosing (a Mastodon app per instance), kept so each is
 * registered once and reused. The client secret is encrypted under its row.
 */
public final class OAuthApps {
    /** A stored registration; {@code scopes} are the ones it was registered with, or null. */
    public record Registered(String clientId, Secret clientSecret, String scopes) {}

    private final Sql sql;
    private final Vault vault;

    public OAuthApps(Sql sql, Vault vault) {
        this.sql = sql;
        this.vault = vault;
    }

    /** The app registered at the instance for exactly this redirect URI. */
    public Optional<Registered> find(PlatformId platform, String instanceUrl, String redirectUri) {
        return sql.one("select * from oauth_apps where platform = ? and instance_url = ? and redirect_uri = ?",
                this::registered, platform.id(), instanceUrl, redirectUri);
    }

    /**
     * The app registered at the instance most recently, whatever its redirect URI: what issued an account's token
     * when AIL_PUBLIC_URL has changed since it was connected.
     */
    public Optional<Registered> latest(PlatformId platform, String instanceUrl) {
        return sql.one("select * from oauth_apps where platform = ? and instance_url = ? order by created_at desc limit 1",
                this::registered, platform.id(), instanceUrl);
    }

    /**
     * Stores a registration unless another one for the same instance and redirect URI got there first (two people
     * connecting at once); returns the one that is stored, so everyone uses the same app.
     */
    public Registered save(PlatformId platform, String instanceUrl, String redirectUri, Registered app) {
        UUID id = UUID.randomUUID();
        sql.update("""
                insert into oauth_apps (id, platform, instance_url, redirect_uri, client_id, client_secret_enc, scopes)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (platform, instance_url, redirect_uri) do nothing""",
                id, platform.id(), instanceUrl, redirectUri, app.clientId(),
                vault.encrypt(app.clientSecret().reveal(), new Vault.Place("oauth_apps", "client_secret_enc", id)), app.scopes());
        return find(platform, instanceUrl, redirectUri).orElseThrow();
    }

    private Registered registered(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Registered(rs.getString("client_id"),
                Secret.of(vault.decrypt(rs.getBytes("client_secret_enc"), new Vault.Place("oauth_apps", "client_secret_enc", id))),
                rs.getString("scopes"));
    }
}
