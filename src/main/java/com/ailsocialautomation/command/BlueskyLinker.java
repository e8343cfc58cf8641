package com.ailsocialautomation.command;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.Reply;

import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.UserError;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.platform.Connected;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.StoredTokens;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * connect bluesky &lt;handle&gt; [pds-url]: asks for an app password, in a chat form (Discord, the console) or, where
 * secrets must not pass through chat (Slack), on AIL's own page behind a one-time connect link. The password signs
 * in once ({@code createSession}) and the session is stored, which the engine then refreshes. The password is used
 * for that one request and is never stored or logged: the form's action id and the link carry only the handle and
 * the PDS. Connecting the same DID on the same PDS again keeps the account and replaces its session.
 */
public final class BlueskyLinker implements AccountLinker, Action {
    public static final String ACTION = "bluesky-login";
    public static final String PASSWORD = "app-password";
    /** Discord's limit for a modal's custom id, the tighter of the two chat platforms. */
    static final int MAX_ACTION_ID = 100;
    static final String WHERE = "Settings → Privacy and security → App passwords";

    private final Accounts accounts;
    private final UrlGuard guard;
    private final Provider bluesky;
    private final String defaultPds;
    private final ConnectLinks links;

    public BlueskyLinker(Accounts accounts, UrlGuard guard, Provider bluesky, String defaultPds, ConnectLinks links) {
        this.accounts = accounts;
        this.guard = guard;
        this.bluesky = bluesky;
        this.defaultPds = BlueskyAddress.pds(defaultPds);
        this.links = links;
    }

    @Override
    public Set<Platform> platforms() {
        return Set.of(Platform.BLUESKY);
    }

    @Override
    public Reply start(Caller caller, Platform platform, String argument) {
        return start(caller, platform, argument == null ? List.of() : List.of(argument));
    }

    @Override
    public Reply start(Caller caller, Platform platform, List<String> arguments) {
        if (arguments.isEmpty()) {
            throw new UserError("Give your Bluesky handle. Usage: /ail connect bluesky ana.bsky.social [https://your-pds.example]");
        }
        String handle = BlueskyAddress.handle(arguments.get(0));
        String pds = arguments.size() > 1 ? BlueskyAddress.pds(arguments.get(1)) : defaultPds;
        checkPds(pds);
        if (caller.secretsOnAilsPage()) {
            String link = links.create(caller, Platform.BLUESKY, pds, Secret.of(handle));
            return Reply.of("To connect @" + handle + ", create an app password in Bluesky (" + WHERE + " → Add App Password) "
                    + "and type it on AIL's page at this link (not here). It is for you only, works once and expires in "
                    + ConnectLinks.LIFETIME.toMinutes() + " minutes: " + link);
        }
        String actionId = ACTION + ":" + handle + (pds.equals(defaultPds) ? "" : "|" + pds);
        if (actionId.length() > MAX_ACTION_ID) {
            throw new UserError("That handle and PDS address are too long to carry through a chat form; use a shorter PDS URL.");
        }
        return Reply.of("To connect @" + handle + ", create an app password in Bluesky (" + WHERE + " → Add App Password) "
                        + "and paste it in the form. AIL uses it once to sign in and keeps only the session; "
                        + "never give AIL your main password.")
                .withForm(new Reply.Form("Connect Bluesky", actionId,
                        List.of(new Reply.Input(PASSWORD, "App password", true, "xxxx-xxxx-xxxx-xxxx"))));
    }

    @Override
    public Reply perform(Caller caller, String arg, Map<String, String> values) {
        if (arg == null || arg.isBlank()) {
            throw new UserError("This form is no longer valid. Run /ail connect bluesky <handle> again.");
        }
        int bar = arg.indexOf('|');
        String handle = BlueskyAddress.handle(bar < 0 ? arg : arg.substring(0, bar));
        String pds = bar < 0 ? defaultPds : BlueskyAddress.pds(arg.substring(bar + 1));
        return Reply.of(connect(caller.workspaceId(), caller.user().id(), handle, pds, appPassword(values.get(PASSWORD))));
    }

    /** What was typed as an app password, or a UserError that says what an app password looks like. */
    public static Secret appPassword(String typed) {
        return BlueskyAddress.appPassword(typed);
    }

    /** Signs in once and stores the session for the person; says in words what was connected. */
    public String connect(UUID workspaceId, UUID userId, String handle, String pds, Secret password) {
        checkPds(pds); // the PDS came back from a chat form or a link: check it as if it were typed
        Connected connected;
        try {
            connected = bluesky.logIn(pds, handle, password);
        } catch (PlatformError e) {
            throw new UserError("Could not sign in to Bluesky: " + e.getMessage() + ". Try again in a minute.");
        }
        var profile = connected.profile();
        var tokens = connected.tokens();
        Account account = accounts.connect(workspaceId, userId,
                new NewAccount(PlatformId.BLUESKY, profile.accountId(), profile.handle(), profile.displayName(), profile.avatarUrl(), pds, null, null),
                new StoredTokens(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), tokens.refreshExpiresAt()));
        String name = profile.displayName() == null || profile.displayName().equals(profile.handle()) ? "" : " (" + profile.displayName() + ")";
        return "Connected Bluesky @" + profile.handle() + name + " as " + account.shortId() + ". AIL keeps the "
                + "session and renews it; the app password was used once and not stored. To cut AIL off, run /ail disconnect "
                + account.shortId() + " or delete the app password in Bluesky (" + WHERE + ").";
    }

    /** A failure on the default PDS says that it is the default, so nobody hunts for a typo in a URL they never gave. */
    private void checkPds(String pds) {
        if (!pds.equals(defaultPds)) {
            guard.check(pds);
            return;
        }
        try {
            guard.check(pds);
        } catch (UserError e) {
            throw new UserError("Bluesky's default PDS (" + pds + ", where handles on bsky.social live; "
                    + "give your own PDS URL after the handle if yours is elsewhere): " + e.getMessage());
        }
    }
}
