package com.ailsocialautomation.store;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.PlatformId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The two one-time secrets of a connect flow: the link that {@code connect} hands out, and the OAuth state that
 * opening it creates. Only SHA-256 hashes of them are stored, and the PKCE verifier is encrypted under its row.
 * Using one is a single conditional update, so two requests racing with the same secret cannot both win.
 */
public final class OAuthStates {
    /** Who asked to connect which platform (and instance). */
    public record Link(UUID workspaceId, UUID userId, PlatformId platform, String instanceUrl) {}

    /**
     * A link as its confirmation page shows it: who asked (their chat name when they asked, else their chat id), in
     * which workspace (its name, else its chat id) of which front end, and the link's encrypted detail, decrypted.
     */
    public record Pending(Link link, String requester, String workspace, FrontEnd frontEnd, Secret detail) {}

    /** A state that was just used, with the verifier its code must be exchanged with. */
    public record State(UUID id, Link link, Secret verifier) {}

    /** Why a state was not accepted. */
    public enum Refusal { UNKNOWN, OTHER_PLATFORM, USED, EXPIRED, OTHER_BROWSER }

    /** The outcome of using a state: the state, or why not. */
    public record Claim(State state, Refusal refusal) {}

    private final Sql sql;
    private final Vault vault;

    public OAuthStates(Sql sql, Vault vault) {
        this.sql = sql;
        this.vault = vault;
    }

    /** {@code detail} (a webhook URL, a Bluesky handle) may be null; it is stored encrypted. */
    public void addLink(Link link, String requesterName, Secret detail, byte[] tokenHash, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        sql.update("""
                insert into connect_links (id, token_hash, workspace_id, user_id, platform, instance_url, requester_name,
                detail_enc, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, tokenHash, link.workspaceId(), link.userId(), link.platform().id(), link.instanceUrl(), requesterName,
                detail == null ? null : vault.encrypt(detail.reveal(), detailPlace(id, link.workspaceId())), expiresAt);
    }

    /** The link, without using it up, when it exists for this platform, is unused and has not expired. */
    public Optional<Pending> findLink(byte[] tokenHash, PlatformId platform, Instant now) {
        return sql.one("""
                select l.id, l.workspace_id, l.user_id, l.platform, l.instance_url, l.detail_enc,
                coalesce(nullif(l.requester_name, ''), u.external_id) as requester,
                coalesce(nullif(w.name, ''), w.external_id) as workspace, w.front_end
                from connect_links l join workspaces w on w.id = l.workspace_id join chat_users u on u.id = l.user_id
                where l.token_hash = ? and l.platform = ? and l.used_at is null and l.expires_at > ?""",
                this::pending, tokenHash, platform.id(), now);
    }

    /** Marks the link used and returns it, when it exists for this platform, is unused and has not expired. */
    public Optional<Pending> useLink(byte[] tokenHash, PlatformId platform, Instant now) {
        return sql.one("""
                with used as (update connect_links set used_at = ? where token_hash = ? and platform = ? and used_at is null
                and expires_at > ? returning *)
                select l.id, l.workspace_id, l.user_id, l.platform, l.instance_url, l.detail_enc,
                coalesce(nullif(l.requester_name, ''), u.external_id) as requester,
                coalesce(nullif(w.name, ''), w.external_id) as workspace, w.front_end
                from used l join workspaces w on w.id = l.workspace_id join chat_users u on u.id = l.user_id""",
                this::pending, now, tokenHash, platform.id(), now);
    }

    private Pending pending(ResultSet rs) throws SQLException {
        byte[] detail = rs.getBytes("detail_enc");
        UUID id = rs.getObject("id", UUID.class);
        Link link = link(rs);
        return new Pending(link, rs.getString("requester"), rs.getString("workspace"), FrontEnd.of(rs.getString("front_end")),
                detail == null ? null : Secret.of(vault.decrypt(detail, detailPlace(id, link.workspaceId()))));
    }

    private static Vault.Place detailPlace(UUID id, UUID workspaceId) {
        return new Vault.Place("connect_links", "detail_enc", id, workspaceId);
    }

    public void addState(Link link, byte[] stateHash, byte[] browserHash, Secret verifier, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        sql.update("""
                insert into oauth_states (id, state_hash, browser_hash, workspace_id, user_id, platform, instance_url,
                pkce_verifier_enc, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, stateHash, browserHash, link.workspaceId(), link.userId(), link.platform().id(), link.instanceUrl(),
                vault.encrypt(verifier.reveal(), new Vault.Place("oauth_states", "pkce_verifier_enc", id, link.workspaceId())), expiresAt);
    }

    /**
     * Uses the state when it exists, is unused and unexpired, belongs to {@code platform} and was created for the
     * browser that presents {@code browserHash}. Otherwise nothing changes and the claim says why.
     */
    public Claim useState(byte[] stateHash, PlatformId platform, byte[] browserHash, Instant now) {
        Optional<State> used = sql.one("""
                update oauth_states set used_at = ? where state_hash = ? and platform = ? and browser_hash = ?
                and used_at is null and expires_at > ?
                returning id, workspace_id, user_id, platform, instance_url, pkce_verifier_enc""", rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Link link = link(rs);
                    return new State(id, link, Secret.of(vault.decrypt(rs.getBytes("pkce_verifier_enc"),
                            new Vault.Place("oauth_states", "pkce_verifier_enc", id, link.workspaceId()))));
                }, now, stateHash, platform.id(), browserHash, now);
        if (used.isPresent()) {
            return new Claim(used.get(), null);
        }
        Refusal why = sql.one("select platform, used_at, expires_at, browser_hash from oauth_states where state_hash = ?", rs -> {
            if (!platform.id().equals(rs.getString("platform"))) {
                return Refusal.OTHER_PLATFORM;
            }
            if (rs.getTimestamp("used_at") != null) {
                return Refusal.USED;
            }
            return Sql.instant(rs, "expires_at").isAfter(now) ? Refusal.OTHER_BROWSER : Refusal.EXPIRED;
        }, stateHash).orElse(Refusal.UNKNOWN);
        return new Claim(null, why);
    }

    /**
     * Keeps what the person may choose from on their used state, encrypted, for one POST from the browser that
     * used it, carrying the token whose hash is {@code choiceHash}, until {@code expiresAt}.
     */
    public void offerChoices(State state, byte[] choiceHash, Secret choices, Instant expiresAt) {
        sql.update("update oauth_states set choice_hash = ?, choices_enc = ?, expires_at = ? where workspace_id = ? and id = ?",
                choiceHash, vault.encrypt(choices.reveal(), choicesPlace(state.id(), state.link().workspaceId())), expiresAt,
                state.link().workspaceId(), state.id());
    }

    /** The offered choices, once: wiped as they are read, when the token, platform and browser match and it has not expired. */
    public Optional<Offered> useChoices(byte[] choiceHash, PlatformId platform, byte[] browserHash, Instant now) {
        return sql.transaction(tx -> tx.one("""
                select id, workspace_id, user_id, platform, instance_url, choices_enc from oauth_states
                where choice_hash = ? and platform = ? and browser_hash = ? and chosen_at is null and expires_at > ?
                and choices_enc is not null for update""", rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Link link = link(rs);
                    return new Offered(new State(id, link, null), Secret.of(vault.decrypt(rs.getBytes("choices_enc"),
                            choicesPlace(id, link.workspaceId()))));
                }, choiceHash, platform.id(), browserHash, now).map(offered -> {
                    tx.update("update oauth_states set chosen_at = ?, choices_enc = null where id = ?", now, offered.state().id());
                    return offered;
                }));
    }

    /** Choices offered on a used state, as {@link #useChoices} hands them over once. */
    public record Offered(State state, Secret choices) {}

    private static Vault.Place choicesPlace(UUID id, UUID workspaceId) {
        return new Vault.Place("oauth_states", "choices_enc", id, workspaceId);
    }

    private static Link link(ResultSet rs) throws SQLException {
        return new Link(rs.getObject("workspace_id", UUID.class), rs.getObject("user_id", UUID.class),
                PlatformId.of(rs.getString("platform")), rs.getString("instance_url"));
    }
}
