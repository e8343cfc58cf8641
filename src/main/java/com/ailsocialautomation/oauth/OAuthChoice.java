package com.ailsocialautomation.oauth;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.OAuthStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code POST /oauth/<platform>/callback}: the person's choice among the accounts their sign-in offered. It is
 * accepted once, within its lifetime, only from the browser that signed in (the flow's cookie) and with the page's
 * one-time token, so a forged or replayed form connects nothing. Each chosen account is stored with its own short id
 * and its owner is told in chat.
 */
final class OAuthChoice {
    private static final Logger log = LoggerFactory.getLogger(OAuthChoice.class);

    /** What the form brought: the one-time token, the flow's browser cookie and the positions ticked. */
    record Arrival(String platform, String token, Secret browser, List<String> chosen) {}

    private final OAuthStates states;
    private final TokenExchange exchange;
    private final Outbox outbox;
    private final Clock clock;

    OAuthChoice(OAuthStates states, TokenExchange exchange, Outbox outbox, Clock clock) {
        this.states = states;
        this.exchange = exchange;
        this.outbox = outbox;
        this.clock = clock;
    }

    ResultPage finish(Arrival a) {
        String again = "To try again, run /ail connect " + a.platform() + " in chat and open the new link in this browser.";
        Platform platform = Platform.find(a.platform()).orElse(null);
        if (platform == null || a.token() == null || a.token().isBlank() || a.browser() == null) {
            return ResultPage.of(400, "Not connected", "This choice is incomplete, so nothing was connected.", again);
        }
        OAuthStates.Offered offered = states.useChoices(OneTimeSecret.sha256(a.token()), platform.platformId(),
                OneTimeSecret.sha256(a.browser().reveal()), clock.instant()).orElse(null);
        if (offered == null) {
            log.info("A {} account choice was refused", a.platform());
            return ResultPage.of(400, "Not connected", "This choice was already made, took longer than "
                    + OAuthCallback.CHOICE_LIFETIME.toMinutes() + " minutes, or comes from another browser, so nothing was connected.", again);
        }
        ChoiceOffer offer = ChoiceOffer.open(offered.choices());
        List<Integer> chosen = a.chosen().stream().filter(c -> c.matches("\\d{1,3}")).map(Integer::parseInt)
                .filter(i -> i < offer.choices().size()).distinct().sorted().toList();
        OAuthStates.Link link = offered.state().link();
        try {
            List<Account> accounts = exchange.choose(platform, offered.state(), offer, chosen);
            if (accounts.isEmpty()) {
                return ResultPage.of(200, "Nothing connected", "You chose no account, so AIL connected none and gave up the access "
                        + platform.displayName() + " granted it.", again);
            }
            String names = accounts.stream().map(Account::label).collect(Collectors.joining(", "));
            outbox.add(link.workspaceId(), link.userId(), "connected:" + offered.state().id(), Reply.of("Connected " + names
                    + ". Post to one with /ail post to:" + accounts.get(0).shortId() + " <text>."), null);
            log.info("Connected {} {} accounts", accounts.size(), a.platform());
            return new ResultPage(200, "Connected", accounts.stream().map(acc -> "Your " + platform.displayName() + " account "
                    + acc.handle() + " is connected to AIL as " + acc.shortId() + ".").toList(), null);
        } catch (PlatformError | UserError e) {
            log.info("Connecting the chosen {} accounts failed: {}", a.platform(), e.getMessage());
            return ResultPage.of(502, "Not connected", a.platform() + " did not accept the connection: "
                    + OAuthCallback.sentence(e.getMessage()), again);
        }
    }
}
