package com.ailsocialautomation.oauth;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.OAuthStates;
import com.ailsocialautomation.store.TechnicalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * {@code GET /oauth/<platform>/callback}: accepts the state once (unused, unexpired, this platform, this browser),
 * exchanges the code with the PKCE verifier, reads the profile and stores or updates the account, records the
 * browser's IP and User-Agent for that connection, then tells its owner in chat. A state that is not accepted
 * changes nothing.
 */
final class OAuthCallback {
    private static final Logger log = LoggerFactory.getLogger(OAuthCallback.class);

    /** What the browser brought back; {@code browser} is the binding cookie, or null. */
    record Arrival(String platform, String state, String code, String error, Secret browser, String ip, String userAgent) {}

    /** How long the person has to choose among the accounts offered. */
    static final java.time.Duration CHOICE_LIFETIME = java.time.Duration.ofMinutes(10);

    private final OAuthStates states;
    private final TokenExchange exchange;
    private final TechnicalData technical;
    private final Outbox outbox;
    private final Clock clock;

    OAuthCallback(OAuthStates states, TokenExchange exchange, TechnicalData technical, Outbox outbox, Clock clock) {
        this.states = states;
        this.exchange = exchange;
        this.technical = technical;
        this.outbox = outbox;
        this.clock = clock;
    }

    ResultPage finish(Arrival a) {
        String again = "To try again, run /ail connect " + a.platform() + " in chat and open the new link in this browser.";
        if (a.state() == null || a.state().isBlank()) {
            return ResultPage.of(400, "Not connected", "This address is missing the sign-in state, so AIL cannot tell who it is for.", again);
        }
        byte[] browser = OneTimeSecret.sha256(a.browser() == null ? "" : a.browser().reveal());
        Platform platform = Platform.find(a.platform()).orElse(null);
        OAuthStates.Claim claim = platform == null ? new OAuthStates.Claim(null, OAuthStates.Refusal.OTHER_PLATFORM)
                : states.useState(OneTimeSecret.sha256(a.state()), platform.platformId(), browser, clock.instant());
        if (claim.state() == null) {
            log.info("A {} OAuth callback was refused: {}", a.platform(), claim.refusal());
            return ResultPage.of(400, "Not connected", refusal(claim.refusal()), again);
        }
        OAuthStates.State state = claim.state();
        OAuthStates.Link link = state.link();
        again = "To try again, run " + command(link) + " in chat and open the new link in this browser.";
        if ("access_denied".equals(a.error())) {
            return ResultPage.of(200, "Not connected", "You cancelled connecting your " + a.platform() + " account, so nothing was connected.", again);
        }
        if (a.error() != null || a.code() == null || a.code().isBlank()) {
            String said = a.error() != null && a.error().matches("[a-z_]{1,40}") ? " (" + a.error() + ")" : "";
            return failed(400, state, "The " + a.platform() + " sign-in did not complete" + said + ".", again);
        }
        try {
            TokenExchange.Outcome outcome = exchange.connect(platform, state, Secret.of(a.code()));
            // only now: a cancelled, refused or failed sign-in keeps nothing about the browser that tried
            technical.recordOAuthCallback(link.workspaceId(), link.userId(), a.ip(), a.userAgent());
            if (outcome instanceof TokenExchange.Offer offer) {
                return offer(platform, state, a.state(), offer.offer());
            }
            TokenExchange.Done done = (TokenExchange.Done) outcome;
            Account account = done.account();
            String note = done.note() == null ? "" : " " + done.note();
            outbox.add(link.workspaceId(), link.userId(), "connected:" + state.id(), Reply.of("Connected " + account.label()
                    + ". Post to it with /ail post to:" + account.shortId() + " <text>." + note), null);
            log.info("Connected a {} account ({})", a.platform(), account.shortId());
            return ResultPage.of(200, "Connected", "Your " + a.platform() + " account " + account.handle() + " is connected to AIL as "
                    + account.shortId() + "." + note, "You can close this tab and post from chat with /ail post to:" + account.shortId() + " <text>.");
        } catch (PlatformError | UserError e) {
            log.info("Connecting a {} account failed: {}", a.platform(), e.getMessage());
            return failed(502, state, a.platform() + " did not accept the connection: " + sentence(e.getMessage()), again);
        }
    }

    /** The accounts to choose from, with a one-time token only this page knows, valid for {@link #CHOICE_LIFETIME}. */
    private ResultPage offer(Platform platform, OAuthStates.State state, String oauthState, ChoiceOffer offer) {
        OneTimeSecret token = OneTimeSecret.random();
        states.offerChoices(state, token.hash(), offer.sealed(), clock.instant().plus(CHOICE_LIFETIME));
        String form = offer.form("/oauth/" + platform.id() + "/callback", token.value(), OAuthStart.cookieName(oauthState),
                platform.displayName());
        return new ResultPage(200, "Choose what to connect", java.util.List.of("You signed in to " + platform.displayName()
                + ". Choose which of these AIL may post to: each becomes its own account in AIL, with its own short id. "
                + "Untick any you do not want. This choice works once, in this browser, for " + CHOICE_LIFETIME.toMinutes()
                + " minutes."), form);
    }

    /** Tells the person in chat too: they may have closed the tab before reading it. */
    ResultPage failed(int status, OAuthStates.State state, String what, String again) {
        OAuthStates.Link link = state.link();
        outbox.add(link.workspaceId(), link.userId(), "connect-failed:" + state.id(), Reply.of("Connecting your "
                + link.platform() + " account failed. " + what + " Run " + command(link) + " to try again."), null);
        return ResultPage.of(status, "Not connected", what, again);
    }

    private static String refusal(OAuthStates.Refusal refusal) {
        return switch (refusal) {
            case USED -> "This sign-in was already used; each one works once.";
            case EXPIRED -> "This sign-in took longer than 10 minutes and has expired.";
            case OTHER_PLATFORM -> "This sign-in was started for another platform.";
            case OTHER_BROWSER -> "This sign-in was started in another browser; AIL only finishes it in the browser that opened the link.";
            case UNKNOWN -> "AIL did not start this sign-in.";
        };
    }

    /** The command that starts again, as Announcer words it for a reconnect. */
    static String command(OAuthStates.Link link) {
        return "/ail connect " + link.platform() + (link.instanceUrl() == null ? "" : " " + link.instanceUrl());
    }

    static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }
}
