package com.ailsocialautomation.oauth;

import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.UserError;
import com.ailsocialautomation.command.BlueskyLinker;
import com.ailsocialautomation.command.WebhookLinker;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.store.OAuthStates;
import com.ailsocialautomation.web.Html;
import com.ailsocialautomation.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

/**
 * {@code /connect/bluesky} and {@code /connect/webhook}: where secrets must not pass through chat, the one-time link
 * opens a confirmation page on which the Bluesky app password is typed, or after which the webhook's signing secret
 * is shown, once. A GET changes nothing; the page's confirmed POST uses the link.
 */
public final class PageConnectRoutes implements WebRoutes {
    private static final String PASSWORD = "password";

    private final OAuthStates states;
    private final BlueskyLinker bluesky;
    private final WebhookLinker webhook;
    private final Outbox outbox;
    private final Clock clock;
    private final Confirmation confirmation;

    public PageConnectRoutes(String publicUrl, OAuthStates states, BlueskyLinker bluesky, WebhookLinker webhook, Outbox outbox, Clock clock) {
        this.states = states;
        this.bluesky = bluesky;
        this.webhook = webhook;
        this.outbox = outbox;
        this.clock = clock;
        this.confirmation = new Confirmation(publicUrl.startsWith("https://"));
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/connect/{platform}", this::show);
        routes.post("/connect/{platform}", this::finish);
    }

    private void show(Context ctx) {
        PlatformId platform = platform(ctx);
        if (OAuthRoutes.linkPreview(ctx)) {
            ctx.html(Html.page("Connect your account", Html.p("Open this link in your browser to connect your " + platform.id() + ".")));
            return;
        }
        String token = ctx.queryParam("s");
        OAuthStates.Pending pending = OAuthStart.pending(states.findLink(OAuthStart.hash(platform.id(), token), platform, clock.instant()), platform.id());
        Secret browser = confirmation.browser(ctx, path(platform));
        String detail = pending.detail() == null ? "" : pending.detail().reveal();
        if (platform == PlatformId.BLUESKY) {
            ctx.html(Html.page("Connect a Bluesky account?", Confirmation.explanation(pending, "the Bluesky account @" + detail)
                    + Html.p("Create an app password in Bluesky (Settings → Privacy and security → App passwords → Add App Password) "
                    + "and type it here; never your main password. AIL uses it once to sign in and keeps only the session.")
                    + Confirmation.form(path(platform), token, browser, "<p><label>App password <input type=\"password\" name=\""
                    + PASSWORD + "\" autocomplete=\"off\" required></label></p>", "Connect @" + detail)));
        } else {
            WebhookLinker.Detail hook = WebhookLinker.Detail.parse(detail);
            ctx.html(Html.page("Connect a webhook?", Confirmation.explanation(pending, "the webhook at " + URI.create(hook.url()).getHost()
                            + (hook.name() == null ? "" : ", named \u201c" + hook.name() + "\u201d"))
                    + Html.p("Continuing stores the webhook and shows its signing secret on the next page, once.")
                    + Confirmation.form(path(platform), token, browser, "", "Connect the webhook")));
        }
    }

    private void finish(Context ctx) {
        PlatformId platform = platform(ctx);
        String token = ctx.formParam("s");
        Confirmation.confirmed(ctx, token);
        Secret password = platform == PlatformId.BLUESKY ? BlueskyLinker.appPassword(ctx.formParam(PASSWORD)) : null; // before using the link
        OAuthStates.Pending pending = OAuthStart.pending(states.useLink(OAuthStart.hash(platform.id(), token), platform, clock.instant()), platform.id());
        OAuthStates.Link link = pending.link();
        if (platform == PlatformId.BLUESKY) {
            // the sign-in waits on the PDS: off the server's request threads, so slow PDSes cannot starve other pages
            ctx.async(() -> signIn(ctx, pending, password));
        } else {
            WebhookLinker.Detail hook = WebhookLinker.Detail.parse(pending.detail().reveal());
            WebhookLinker.Connected connected = webhook.connect(link.workspaceId(), link.userId(), hook.url(), hook.name());
            String said = "Connected webhook " + connected.account().shortId() + " → " + connected.handle() + ".";
            outbox.add(link.workspaceId(), link.userId(), "connected:" + UUID.randomUUID(),
                    Reply.of(said + " Its signing secret was shown once on AIL's page."), null);
            ctx.html(Html.page("Webhook connected", Html.p(said)
                    + Html.p("Signing secret, shown only now (copy it: AIL cannot show it again):")
                    + "<pre>" + Html.escape(connected.secret().reveal()) + "</pre>" + Html.p(WebhookLinker.HOW_TO_CHECK)));
        }
    }

    private void signIn(Context ctx, OAuthStates.Pending pending, Secret password) {
        OAuthStates.Link link = pending.link();
        String connected;
        try {
            connected = bluesky.connect(link.workspaceId(), link.userId(), pending.detail().reveal(), link.instanceUrl(), password);
        } catch (UserError e) {
            ctx.status(400).html(Html.page("Not connected", Html.p(e.getMessage())
                    + Html.p("Run /ail connect bluesky " + pending.detail().reveal() + " in chat for a new link.")));
            return;
        }
        outbox.add(link.workspaceId(), link.userId(), "connected:" + UUID.randomUUID(), Reply.of(connected), null);
        ctx.html(Html.page("Connected", Html.p(connected) + Html.p("You can close this tab.")));
    }

    private static String path(PlatformId platform) {
        return "/connect/" + platform.id();
    }

    /** The platforms whose secrets are typed or shown on this page; any other path is not found. */
    private static PlatformId platform(Context ctx) {
        String typed = OAuthRoutes.platform(ctx);
        return PlatformId.find(typed)
                .filter(p -> p.id().equals(typed) && (p == PlatformId.BLUESKY || p == PlatformId.WEBHOOK))
                .orElseThrow(NotFoundResponse::new);
    }
}
