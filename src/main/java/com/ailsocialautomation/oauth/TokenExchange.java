package com.ailsocialautomation.oauth;

import com.ailsocialautomation.config.Secret;
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

/**
 * The end of an accepted callback: the code and the PKCE verifier become tokens, the tokens show whose account it is,
 * and the account is stored, or updated when the same external account connects again (it keeps its id, short id and
 * scheduled posts).
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

    Account connect(Platform platform, OAuthStates.State state, Secret code) {
        Provider provider = providers.get(platform);
        String instanceUrl = state.link().instanceUrl();
        ClientApp app = clients.forConnecting(provider, instanceUrl);
        TokenSet tokens = provider.exchangeCode(new CodeExchange(code, state.verifier(), clients.redirectUri(platform), instanceUrl, app));
        Credentials credentials = new Credentials(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), instanceUrl, null, null, app);
        Profile profile;
        try {
            profile = provider.profile(credentials);
        } catch (PlatformError e) {
            revokeQuietly(provider, credentials); // no account holds the token, so nobody could revoke it later
            throw e;
        }
        Integer maxCharacters = instanceLimit(provider, credentials);
        return accounts.connect(state.link().workspaceId(), state.link().userId(),
                new NewAccount(platform.platformId(), profile.accountId(), profile.handle(), profile.displayName(), profile.avatarUrl(),
                        instanceUrl, tokens.scopes(), maxCharacters),
                new StoredTokens(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), tokens.refreshExpiresAt()));
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
