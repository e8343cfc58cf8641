package com.ailsocialautomation.oauth;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.AccountChoice;
import com.ailsocialautomation.platform.Choices;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.CodeExchange;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.platform.TokenSet;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.OAuthStates;
import com.ailsocialautomation.store.StoredTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The end of an accepted callback: the code and the PKCE verifier become tokens, the tokens show whose account it is,
 * and the account is stored, or updated when the same external account connects again (it keeps its id, short id and
 * scheduled posts). Where the connection can act for several accounts (a person's Facebook Pages), nothing is stored
 * yet: the person is offered them to choose from, and {@link #choose} stores the chosen ones.
 */
final class TokenExchange {
    private static final Logger log = LoggerFactory.getLogger(TokenExchange.class);

    private final Providers providers;
    private final OAuthClients clients;
    private final Accounts accounts;

    TokenExchange(Providers providers, OAuthClients clients, Accounts accounts) {
        this.providers = providers;
        this.clients = clients;
        this.accounts = accounts;
    }

    /** What an accepted callback led to: one account connected, or accounts to choose from. */
    sealed interface Outcome permits Done, Offer {}

    /** {@code note}: why the connection offered fewer accounts than it could (shown to the person), or null. */
    record Done(Account account, String note) implements Outcome {}

    record Offer(ChoiceOffer offer) implements Outcome {}

    Outcome connect(Platform platform, OAuthStates.State state, Secret code) {
        Provider provider = providers.get(platform);
        String instanceUrl = state.link().instanceUrl();
        ClientApp app = clients.forConnecting(provider, instanceUrl);
        TokenSet tokens = provider.exchangeCode(new CodeExchange(code, state.verifier(), clients.redirectUri(platform), instanceUrl, app));
        Credentials credentials = new Credentials(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), instanceUrl, null, null, app);
        Profile profile;
        List<AccountChoice> choices;
        String note;
        try {
            profile = provider.profile(credentials);
            Choices offered = provider.offer(credentials);
            choices = offered.accounts();
            note = offered.note();
        } catch (PlatformError | UserError e) {
            revokeQuietly(provider, credentials); // no account holds the token, so nobody could revoke it later
            throw e;
        }
        if (choices.isEmpty() && provider.ownProfileIsAChoice()) {
            Integer maxCharacters = instanceLimit(provider, credentials);
            return new Done(accounts.connect(state.link().workspaceId(), state.link().userId(),
                    new NewAccount(platform.platformId(), profile.accountId(), profile.handle(), profile.displayName(), profile.avatarUrl(),
                            instanceUrl, tokens.scopes(), maxCharacters),
                    new StoredTokens(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), tokens.refreshExpiresAt())), note);
        }
        List<ChoiceOffer.Choice> offered = new ArrayList<>();
        if (provider.ownProfileIsAChoice()) {
            offered.add(new ChoiceOffer.Choice(profile, null, null));
        }
        choices.forEach(c -> offered.add(ChoiceOffer.Choice.of(c)));
        if (offered.isEmpty()) {
            revokeQuietly(provider, credentials);
            // providers say why in their own words where they know more (no Page shared, no linked Instagram account)
            throw new UserError("Your " + platform.displayName() + " login gave AIL no account it could post to, so nothing "
                    + "was connected");
        }
        return new Offer(new ChoiceOffer(profile.accountId(), ChoiceOffer.Tokens.of(tokens), offered));
    }

    /**
     * Stores the accounts chosen from {@code offer}, by their positions in it, each with its own tokens (or the
     * person's), all recorded as acting through the person's grant. None chosen: the unused grant is revoked.
     */
    List<Account> choose(Platform platform, OAuthStates.State state, ChoiceOffer offer, List<Integer> chosen) {
        Provider provider = providers.get(platform);
        if (chosen.isEmpty()) {
            TokenSet person = offer.person().set();
            revokeQuietly(provider, new Credentials(person.accessToken(), person.refreshToken(), person.expiresAt(),
                    null, offer.grantorId(), null, clients.forConnecting(provider, null)));
            return List.of();
        }
        List<Account> connected = new ArrayList<>();
        for (int i : chosen) {
            ChoiceOffer.Choice choice = offer.choices().get(i);
            TokenSet t = choice.tokensOr(offer.person());
            Profile p = choice.profile();
            connected.add(accounts.connect(state.link().workspaceId(), state.link().userId(),
                    new NewAccount(platform.platformId(), p.accountId(), p.handle(), p.displayName(), p.avatarUrl(),
                            state.link().instanceUrl(), t.scopes(), null, offer.grantorId()),
                    new StoredTokens(t.accessToken(), t.refreshToken(), t.expiresAt(), t.refreshExpiresAt())));
        }
        return connected;
    }

    /** The account's own text limit (a Mastodon instance's); when there is none or it cannot be read now, validation uses the platform's. */
    private static Integer instanceLimit(Provider provider, Credentials credentials) {
        try {
            return provider.textLimit(credentials);
        } catch (PlatformError e) {
            log.info("The {} instance's limits could not be read ({}); the default applies", provider.platform(), e.getMessage());
            return null;
        }
    }

    private static void revokeQuietly(Provider provider, Credentials credentials) {
        try {
            if (provider.canRevoke()) {
                provider.revoke(credentials);
            }
        } catch (PlatformError e) {
            log.info("Revoking an unused {} token failed: {}", provider.platform(), e.getMessage());
        }
    }

}
