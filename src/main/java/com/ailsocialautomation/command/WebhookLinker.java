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
import java.util.List;
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
        return start(caller, platform, argument == null ? List.of() : List.of(argument), null);
    }

    @Override
    public Reply start(Caller caller, Platform platform, List<String> arguments, String name) {
        if (arguments.size() > 1) {
            throw new UserError("Connecting a webhook takes its URL after the platform, then name:\"...\" if you like; "
                    + "put a name with spaces in quotes.");
        }
        String argument = arguments.isEmpty() ? null : arguments.get(0);
        String label = name(name);
        if (argument == null || argument.isBlank()) {
            throw new UserError("Give the webhook's URL. Usage: /ail connect webhook https://hooks.example.com/ail");
        }
        String url = argument.trim();
        guard.check(url);
        if (caller.secretsOnAilsPage()) {
            String link = links.create(caller, Platform.WEBHOOK, null, Secret.of(Detail.of(url, label).text()));
            return Reply.of("Open this link to finish connecting the webhook at " + URI.create(url).getHost() + "; AIL shows its "
                    + "signing secret there, once. It is for you only, works once and expires in "
                    + ConnectLinks.LIFETIME.toMinutes() + " minutes: " + link);
        }
        Connected connected = connect(caller.workspaceId(), caller.user().id(), url, label);
        return Reply.of("Connected webhook " + connected.account().shortId() + " → " + connected.handle() + ".")
                .withField("Signing secret (shown only now)", connected.secret().reveal())
                .withField("How to check it", HOW_TO_CHECK);
    }

    /** What a connect link carries to AIL's page: the URL and the name, if one was given. */
    public record Detail(String url, String name) {
        static Detail of(String url, String name) {
            return new Detail(url, name);
        }

        /** The URL, then the name on a line of its own (a URL holds no line break). */
        String text() {
            return name == null ? url : url + "\n" + name;
        }

        public static Detail parse(String text) {
            int newline = text.indexOf('\n');
            return newline < 0 ? new Detail(text, null) : new Detail(text.substring(0, newline), text.substring(newline + 1));
        }
    }

    /** A webhook's name as given: trimmed, at most 80 characters, no line breaks; null when none was given. */
    static String name(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String name = given.strip();
        if (name.length() > 80 || name.chars().anyMatch(Character::isISOControl)) {
            throw new UserError("A webhook's name is at most 80 characters on one line, such as name:\"Blog\".");
        }
        return name;
    }

    /** Stores the webhook for the person with a new signing secret, which the caller shows once. */
    public Connected connect(UUID workspaceId, UUID userId, String url, String name) {
        guard.check(url);
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        Secret secret = Secret.of("whsec_" + Base64.getEncoder().encodeToString(raw)); // the Standard Webhooks form
        // The URL is a credential (hook URLs carry their secret in the path): it is stored encrypted and
        // shown only as its host and a fingerprint.
        String fingerprint = sha256(url);
        String handle = URI.create(url).getHost() + "/…" + fingerprint.substring(0, 4);
        Account account = accounts.connect(workspaceId, userId,
                new NewAccount(PlatformId.WEBHOOK, fingerprint, handle, name == null ? handle : name, null, null, null, null),
                new StoredTokens(secret, null, null, null, Secret.of(url)));
        return new Connected(account, name == null ? handle : "\"" + name + "\" (" + handle + ")", secret);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
