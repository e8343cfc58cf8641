package com.ailsocialautomation.oauth;

import com.ailsocialautomation.command.Disconnection;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.platform.meta.SignedRequest;
import com.ailsocialautomation.privacy.ForgetMe;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.web.Html;
import com.ailsocialautomation.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two callbacks Meta's App Review requires, for one {@link MetaStyleApp} (the Meta app under {@code /meta}, the
 * Threads app under {@code /threads}), each refusing anything not signed with that app's secret ({@link SignedRequest}).
 * {@code POST <path>/deauthorize}: the person removed AIL from their Facebook (or Threads) account, so the accounts
 * connected through their grant on the app's platforms are disconnected everywhere (their tokens no longer work) and
 * their owners told. {@code POST <path>/data-deletion}: the person asked Meta to have AIL delete their data, so those
 * accounts go and the data of each AIL person who connected them is erased as forget-me erases it; the answer is the
 * JSON Meta requires ({@code url}, {@code confirmation_code}), and {@code GET <path>/deletion} shows the status for the
 * code. The code is signed, so the status page needs no stored record of the person.
 */
public final class MetaCallbackRoutes implements WebRoutes {
    private static final Logger log = LoggerFactory.getLogger(MetaCallbackRoutes.class);
    private final String publicUrl;
    private final MetaStyleApp app;
    private final Accounts accounts;
    private final Disconnection disconnection;
    private final ForgetMe forgetMe;
    private final Outbox outbox;
    private final DeletionCodes codes;

    public MetaCallbackRoutes(String publicUrl, MetaStyleApp app, Accounts accounts, Disconnection disconnection,
                              ForgetMe forgetMe, Outbox outbox, Clock clock) {
        this.publicUrl = publicUrl;
        this.app = app;
        this.accounts = accounts;
        this.disconnection = disconnection;
        this.forgetMe = forgetMe;
        this.outbox = outbox;
        this.codes = new DeletionCodes(app.secret(), clock);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(app.path() + "/deauthorize", this::deauthorize);
        routes.post(app.path() + "/data-deletion", this::dataDeletion);
        routes.get(app.path() + "/deletion", this::status);
    }

    private void deauthorize(Context ctx) {
        String userId = verified(ctx);
        if (userId == null) {
            return;
        }
        List<Account> granted = accounts.grantedBy(app.platforms(), userId);
        for (Account account : granted) {
            disconnection.disconnect(account, false); // Meta has ended the grant: nothing left to revoke
            if (account.ownerUserId() != null) {
                outbox.add(account.workspaceId(), account.ownerUserId(), "deauthorized:" + account.id(), Reply.of("Meta says AIL was "
                        + "removed from your " + app.login() + " account, so " + account.label() + " is disconnected and its tokens are deleted. "
                        + "Run /ail connect " + account.platform() + " to connect it again."), null);
            }
        }
        log.info("The deauthorize callback at {} disconnected {} accounts", app.path(), granted.size());
        ctx.json(Map.of("success", true));
    }

    private void dataDeletion(Context ctx) {
        String userId = verified(ctx);
        if (userId == null) {
            return;
        }
        List<Account> granted = accounts.grantedBy(app.platforms(), userId);
        Set<List<Object>> people = new LinkedHashSet<>();
        for (Account account : granted) {
            if (account.ownerUserId() != null) {
                people.add(List.of(account.workspaceId(), account.ownerUserId()));
            }
        }
        people.forEach(p -> forgetMe.eraseRequested((java.util.UUID) p.get(0), (java.util.UUID) p.get(1)));
        // accounts whose owner had already left AIL are not part of any person's erasure: they go here
        accounts.grantedBy(app.platforms(), userId).forEach(a -> disconnection.disconnect(a, false));
        String code = codes.issue(!granted.isEmpty());
        log.info("The data-deletion callback at {} erased {} people's data and {} accounts", app.path(), people.size(),
                granted.size());
        ctx.json(Map.of("url", publicUrl + app.path() + "/deletion?code=" + code, "confirmation_code", code));
    }

    private void status(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        DeletionCodes.Status status = codes.read(ctx.queryParam("code")).orElse(null);
        if (status == null) {
            ctx.status(404).html(Html.page("Unknown deletion request", Html.p("AIL did not issue this confirmation code. "
                    + "Check that you copied the whole address " + app.login() + " showed you.")));
            return;
        }
        ctx.html(Html.page("Deletion request", Html.p("AIL received this request from Meta on " + status.received()
                + " (UTC) and completed it at once: " + (status.found()
                ? "the " + app.platformNames() + " accounts connected through your " + app.login() + " login are disconnected, "
                    + "their tokens deleted, and everything AIL kept about the person who connected them in AIL is erased."
                : "AIL held no data connected to your " + app.login() + " login.")) + Html.p("Confirmation code: " + status.code())));
    }

    /** The person's id from a correctly signed request; otherwise answers 400 and returns null. */
    private String verified(Context ctx) {
        String userId = SignedRequest.userId(ctx.formParam("signed_request"), app.secret()).orElse(null);
        if (userId == null) {
            log.info("A callback at {} with a missing or wrongly signed signed_request was refused", app.path());
            ctx.status(400).json(Map.of("error", "signed_request is missing or not signed with this app's secret"));
        }
        return userId;
    }

    /** For the status line only: when a request came in. */
    static String when(Instant at) {
        return at.toString().substring(0, 16).replace('T', ' ');
    }
}
