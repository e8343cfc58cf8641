package com.ailsocialautomation.engine;

import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.TokenSet;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.StoredTokens;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Instant;

/**
 * Hands out credentials that are fresh: refreshed shortly before expiry, or on demand after a recognised 401.
 * A refresh holds the account's row lock, so one refresh per account runs at a time even across instances, and
 * the new pair is committed before it is used (rotating refresh tokens are single-use).
 */
public final class CredentialKeeper {

    private final Accounts accounts;
    private final ClientApps apps;
    private final Clock clock;
    private final MeterRegistry metrics;

    public CredentialKeeper(Accounts accounts, ClientApps apps, Clock clock, MeterRegistry metrics) {
        this.accounts = accounts;
        this.apps = apps;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Credentials current(Account account, Provider provider) {
        return current(account, accounts.tokens(account.workspaceId(), account.id()), provider);
    }

    /** {@link #current(Account, Provider)} with the tokens as just read with the account. */
    public Credentials current(Account account, StoredTokens tokens, Provider provider) {
        if (due(tokens, provider)) {
            return refresh(account, provider, tokens);
        }
        return credentials(account, tokens);
    }

    /** Whether the account's token should be renewed now: it can be, and less than the provider's lead is left. */
    boolean due(StoredTokens tokens, Provider provider) {
        return tokens.refresh() != null && tokens.accessExpiresAt() != null
                && tokens.accessExpiresAt().isBefore(clock.instant().plus(provider.renewBefore()));
    }

    /**
     * Refreshes unless another instance already did since {@code seen} was read. Throws the provider's
     * PlatformError when the refresh is refused.
     */
    public Credentials refresh(Account account, Provider provider, StoredTokens seen) {
        StoredTokens fresh = accounts.refreshLocked(account.workspaceId(), account.id(), now -> {
            if (!sameAccess(now, seen)) {
                return now; // someone refreshed while we waited for the lock
            }
            metrics.counter("ail.token.refreshes", "platform", account.platform().id()).increment();
            TokenSet set = provider.refresh(credentials(account, now));
            return new StoredTokens(set.accessToken(),
                    set.refreshToken() != null ? set.refreshToken() : now.refresh(),
                    set.expiresAt(), set.refreshExpiresAt() != null ? set.refreshExpiresAt() : now.refreshExpiresAt());
        });
        return credentials(account, fresh);
    }

    public StoredTokens stored(Account account) {
        return accounts.tokens(account.workspaceId(), account.id());
    }

    private static boolean sameAccess(StoredTokens a, StoredTokens b) {
        return a.access() == null ? b.access() == null : a.access().equals(b.access());
    }

    public Credentials credentials(Account account, StoredTokens tokens) {
        String where = tokens.endpoint() != null ? tokens.endpoint().reveal() : account.instanceUrl();
        return new Credentials(tokens.access(), tokens.refresh(), tokens.accessExpiresAt(), where,
                account.externalId(), account.handle(), apps.forAccount(account));
    }

    Instant now() {
        return clock.instant();
    }
}
