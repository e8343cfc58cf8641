package com.ailsocialautomation.command;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.Reply;

import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.UserError;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.StoredTokens;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

/**
 * connect webhook &lt;https-url&gt;: checks the URL with the guard, creates a signing secret and shows it once, in
 * the reply, or where secrets must not pass through chat (Slack) on AIL's own page behind a one-time connect link.
 * Connecting the same URL again keeps the account and replaces the secret.
 */
public final class WebhookLinker implements AccountLinker {
    /** A connected webhook and its new signing secret, to be shown once. */
    public record Connected(Account account, String handle, Secret secret) {}

    public static final String HOW_TO_CHECK = "each POST is signed by the Standard Webhooks scheme (webhook-id, webhook-timestamp, "
            + "webhook-signature): give this secret to a Standard Webhooks library, or see the README for the few lines it takes";

    private final Accounts accounts;
    private final UrlGuard guard;
    private final ConnectLinks links;
    private final SecureRandom random = new SecureRandom();

    public WebhookLinker(Accounts accounts, UrlGuard guard, ConnectLinks links) {
        this.accounts = accounts;
        this.guard = guard;
        this.links = links;
    }

    @Override
    public Set<Platform> platforms() {
        return Set.of(Platform.WEBHOOK);
    }

    @Override
    public Reply start(Caller caller, Platform platform, String argument) {
        if (argument == null || argument.isBlank()) {
            throw new UserError("Give the webhook's URL. Usage: /ail connect webhook https://hooks.example.com/ail");
        }
        String url = argument.trim();
        guard.check(url);
        if (caller.secretsOnAilsPage()) {
            String link = links.create(caller, Platform.WEBHOOK, null, Secret.of(url));
            return Reply.of("Open this link to finish connecting the webhook at " + URI.create(url).getHost() + "; AIL shows its "
                    + "signing secret there, once. It is for you only, works once and expires in "
                    + ConnectLinks.LIFETIME.toMinutes() + " minutes: " + link);
        }
        Connected connected = connect(caller.workspaceId(), caller.user().id(), url);
        return Reply.of("Connected webhook " + connected.account().shortId() + " → " + connected.handle() + ".")
                .withField("Signing secret (shown only now)", connected.secret().reveal())
                .withField("How to check it", HOW_TO_CHECK);
    }

    /** Stores the webhook for the person with a new signing secret, which the caller shows once. */
    public Connected connect(UUID workspaceId, UUID userId, String url) {
        guard.check(url);
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        Secret secret = Secret.of("whsec_" + Base64.getEncoder().encodeToString(raw)); // the Standard Webhooks form
        // The URL is a credential (hook URLs carry their secret in the path): it is stored encrypted and
        // shown only as its host and a fingerprint.
        String fingerprint = sha256(url);
        String handle = URI.create(url).getHost() + "/…" + fingerprint.substring(0, 4);
        Account account = accounts.connect(workspaceId, userId,
                new NewAccount(PlatformId.WEBHOOK, fingerprint, handle, handle, null, null, null, null),
                new StoredTokens(secret, null, null, null, Secret.of(url)));
        return new Connected(account, handle, secret);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
