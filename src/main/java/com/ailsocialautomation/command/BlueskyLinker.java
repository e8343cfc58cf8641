package com.ailsocialautomation.command;

import com.ailsocialautomation.message.Reply;

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

/**
 * connect bluesky &lt;handle&gt; [pds-url]: shows a form asking for an app password; submitting it signs in once
 * ({@code createSession}) and stores the session, which the engine then refreshes. The password is used for that
 * one request and is never stored or logged: the form's action id carries only the handle and the PDS.
 * Connecting the same DID on the same PDS again keeps the account and replaces its session.
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

    public BlueskyLinker(Accounts accounts, UrlGuard guard, Provider bluesky, String defaultPds) {
        this.accounts = accounts;
        this.guard = guard;
        this.bluesky = bluesky;
        this.defaultPds = BlueskyAddress.pds(defaultPds);
    }

    @Override
    public Set<String> platforms() {
        return Set.of("bluesky");
    }

    @Override
    public Reply start(Caller caller, String platform, String argument) {
        return start(caller, platform, argument == null ? List.of() : List.of(argument));
    }

    @Override
    public Reply start(Caller caller, String platform, List<String> arguments) {
        if (arguments.isEmpty()) {
            throw new UserError("Give your Bluesky handle. Usage: /ail connect bluesky ana.bsky.social [https://your-pds.example]");
        }
        String handle = BlueskyAddress.handle(arguments.get(0));
        String pds = arguments.size() > 1 ? BlueskyAddress.pds(arguments.get(1)) : defaultPds;
        guard.check(pds);
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
        guard.check(pds); // the action id came back from a chat platform: check it as if it were typed
        Secret password = BlueskyAddress.appPassword(values.get(PASSWORD));
        Connected connected;
        try {
            connected = bluesky.logIn(pds, handle, password);
        } catch (PlatformError e) {
            throw new UserError("Could not sign in to Bluesky: " + e.getMessage() + ". Try again in a minute.");
        }
        var profile = connected.profile();
        var tokens = connected.tokens();
        Account account = accounts.connect(caller.workspaceId(), caller.user().id(),
                new NewAccount("bluesky", profile.accountId(), profile.handle(), profile.displayName(), profile.avatarUrl(), pds, null, null),
                new StoredTokens(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), tokens.refreshExpiresAt()));
        String name = profile.displayName() == null || profile.displayName().equals(profile.handle()) ? "" : " (" + profile.displayName() + ")";
        return Reply.of("Connected Bluesky @" + profile.handle() + name + " as " + account.shortId() + ". AIL keeps the "
                + "session and renews it; the app password was used once and not stored. To cut AIL off, run /ail disconnect "
                + account.shortId() + " or delete the app password in Bluesky (" + WHERE + ").");
    }
}
