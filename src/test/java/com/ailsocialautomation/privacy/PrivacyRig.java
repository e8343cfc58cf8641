package com.ailsocialautomation.privacy;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.engine.Revoker;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.store.AttemptOutcome;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Attempts;
import com.ailsocialautomation.store.Audit;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Targets;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetState;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.store.Workspaces;
import com.ailsocialautomation.testing.TestClock;
import com.ailsocialautomation.testing.Units;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The privacy parts wired as Services wires them, over a test database, with a mastodon-like platform that can
 * revoke tokens (and refuses the ones it is told to), plus helpers that write realistic data the way the service
 * itself writes it: encrypted where the service encrypts.
 */
final class PrivacyRig {
    final TestClock clock = new TestClock(Instant.now());
    final Sql sql;
    final Vault vault;
    final Workspaces workspaces;
    final Accounts accounts;
    final Posts posts;
    final com.ailsocialautomation.media.MediaStore media;
    final Attempts attempts;
    final Outbox outbox;
    final Audit audit;
    final RevokingProvider mastodon;
    final Revoker revoker;
    final WorkspaceEraser workspaceEraser;
    final CommandService commands;
    private final Units units;

    /** A person in a workspace, and how they appear to the command layer. */
    record Person(UUID workspaceId, ChatUser user, Invocation invocation) {}

    PrivacyRig(DataSource dataSource, Vault vault, Set<String> refusedTokens) {
        this.mastodon = new RevokingProvider(Platform.MASTODON, refusedTokens);
        this.units = Units.over(dataSource, vault).clock(clock).providers(http -> List.of(mastodon)).build();
        this.sql = units.store.sql;
        this.vault = vault;
        this.workspaces = units.store.workspaces;
        this.accounts = units.store.accounts;
        this.posts = units.store.posts;
        this.media = units.store.media;
        this.attempts = units.store.attempts;
        this.outbox = units.store.outbox;
        this.audit = units.store.audit;
        this.revoker = units.publishing.revoker;
        this.workspaceEraser = units.commandLayer.workspaceEraser;
        this.commands = units.commandLayer.commands;
    }

    Person person(String frontEndId, String workspace, String workspaceName, String userId, String displayName) {
        FrontEnd frontEnd = FrontEnd.of(frontEndId);
        UUID ws = workspaces.ensure(frontEnd, workspace, workspaceName);
        ChatUser user = workspaces.ensureUser(ws, userId, displayName);
        return new Person(ws, user, new Invocation(frontEnd, workspace, userId, displayName, false, ZoneOffset.UTC, null));
    }

    Account connect(Person p, String platform, String externalId, String handle, String instanceUrl, String access, String refresh) {
        return accounts.connect(p.workspaceId(), p.user().id(),
                new NewAccount(PlatformId.of(platform), externalId, handle, handle + " display", "https://cdn.example/" + externalId + ".png",
                        instanceUrl, "read write", null),
                new StoredTokens(Secret.of(access), Secret.ofNullable(refresh), Instant.now().plus(Duration.ofDays(30)), null));
    }

    Post post(Person p, String text, Instant when, Account... to) {
        return posts.create(p.workspaceId(), p.user().id(), text, List.of("https://media.example/" + UUID.randomUUID() + ".png"),
                when, "origin-of-" + p.user().externalId(), List.of(to));
    }

    /** A post with one picture AIL copied, named {@code name} and described {@code alt}, its bytes {@code bytes}. */
    Post postWithMedia(Person p, String text, Instant when, String name, String alt, byte[] bytes, Account... to) {
        return com.ailsocialautomation.media.StoredCopies.post(posts, media, p.workspaceId(), p.user().id(), text, when,
                name, alt, bytes, List.of(to));
    }

    /** Each target of the post ends as {@code state}, with one attempt logged with {@code message}. */
    void finish(Post post, TargetState state, Integer status, String message) {
        Targets targets = new Targets(sql, vault);
        for (Target t : post.targets()) {
            sql.update("update post_targets set state = 'publishing', attempts = 1 where id = ?", t.id());
            Attempts.Line line = new Attempts.Line(Instant.now(), 120, status,
                    TargetState.PUBLISHED.equals(state) ? AttemptOutcome.PUBLISHED : AttemptOutcome.FAILED, message);
            if (TargetState.PUBLISHED.equals(state)) {
                targets.published(post.workspaceId(), t.id(), "109" + t.id().toString().substring(0, 8),
                        "https://fosstodon.example/@" + t.accountLabel() + "/1234", null, line);
            } else {
                targets.finish(post.workspaceId(), t.id(), state, TargetState.FAILED.equals(state) ? message : null, line);
            }
            sql.update("delete from scheduled_tasks where task_instance like ?", "%" + t.id());
        }
    }

    void notification(Person p, String eventKey, String text, boolean sent) {
        outbox.add(p.workspaceId(), p.user().id(), eventKey, Reply.of(text), null);
        if (sent) {
            sql.update("update notifications set sent_at = now(), payload = null, payload_enc = null where event_key = ?", eventKey);
        }
    }

    void connectLink(Person p, String platform, String instanceUrl, String token) {
        sql.update("""
                insert into connect_links (id, token_hash, workspace_id, user_id, platform, instance_url, expires_at)
                values (?, sha256(?), ?, ?, ?, ?, ?)""", UUID.randomUUID(), token.getBytes(StandardCharsets.UTF_8),
                p.workspaceId(), p.user().id(), platform, instanceUrl, Instant.now().plus(Duration.ofMinutes(10)));
    }

    void oauthState(Person p, String platform, String instanceUrl, String state, String verifier) {
        UUID id = UUID.randomUUID();
        sql.update("""
                insert into oauth_states (id, state_hash, workspace_id, user_id, platform, instance_url, pkce_verifier_enc, expires_at)
                values (?, sha256(?), ?, ?, ?, ?, ?, ?)""", id, state.getBytes(StandardCharsets.UTF_8), p.workspaceId(),
                p.user().id(), platform, instanceUrl, vault.encrypt(verifier, new Vault.Place("oauth_states", "pkce_verifier_enc", id, p.workspaceId())),
                Instant.now().plus(Duration.ofMinutes(10)));
    }

    void technicalData(Person p, String ip, String userAgent) {
        sql.update("insert into technical_data (id, workspace_id, user_id, kind, ip_address, user_agent) values (?, ?, ?, 'oauth-callback', ?, ?)",
                UUID.randomUUID(), p.workspaceId(), p.user().id(), ip, userAgent);
    }

    void slackInstallation(String team, String teamName, String installer, String botToken, String userToken) {
        UUID id = UUID.randomUUID();
        sql.update("""
                insert into slack_installations (id, team_id, team_name, bot_token_enc, installer_user_id, user_token_enc)
                values (?, ?, ?, ?, ?, ?)""", id, team, teamName,
                vault.encrypt(botToken, new Vault.Place("slack_installations", "bot_token_enc", id)), installer,
                vault.encrypt(userToken, new Vault.Place("slack_installations", "user_token_enc", id)));
    }

    int count(String query, Object... params) {
        return sql.one(query, rs -> rs.getInt(1), params).orElseThrow();
    }
}
