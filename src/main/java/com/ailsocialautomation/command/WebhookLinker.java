package com.ailsocialautomation.command;

import com.ailsocialautomation.message.Reply;

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

/**
 * connect webhook &lt;https-url&gt;: checks the URL with the guard, creates a signing secret and shows it once.
 * Connecting the same URL again keeps the account and replaces the secret.
 */
public final class WebhookLinker implements AccountLinker {
    private final Accounts accounts;
    private final UrlGuard guard;
    private final SecureRandom random = new SecureRandom();

    public WebhookLinker(Accounts accounts, UrlGuard guard) {
        this.accounts = accounts;
        this.guard = guard;
    }

    @Override
    public Set<String> platforms() {
        return Set.of("webhook");
    }

    @Override
    public Reply start(Caller caller, String platform, String argument) {
        if (argument == null || argument.isBlank()) {
            throw new UserError("Give the webhook's URL. Usage: /ail connect webhook https://hooks.example.com/ail");
        }
        String url = argument.trim();
        guard.check(url);
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        Secret secret = Secret.of("whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
        // The URL is a credential (hook URLs carry their secret in the path): it is stored encrypted and
        // shown only as its host and a fingerprint.
        String fingerprint = sha256(url);
        String handle = URI.create(url).getHost() + "/…" + fingerprint.substring(0, 4);
        Account account = accounts.connect(caller.workspaceId(), caller.user().id(),
                new NewAccount("webhook", fingerprint, handle, handle, null, null, null, null),
                new StoredTokens(secret, null, null, null, Secret.of(url)));
        return Reply.of("Connected webhook " + account.shortId() + " → " + handle + ".")
                .withField("Signing secret (shown only now)", secret.reveal())
                .withField("How to check it", "each POST carries X-AIL-Signature: sha256=<hex HMAC-SHA256 of the raw body under this secret>");
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
