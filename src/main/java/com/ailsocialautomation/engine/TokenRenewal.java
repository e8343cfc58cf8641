package com.ailsocialautomation.engine;

import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Renews tokens that would otherwise die unused: a refreshable account whose token expires within its provider's
 * {@link Provider#renewBefore()} is renewed now, whether or not anything is being posted (Threads' 60-day tokens
 * can only be renewed while still valid). A token the platform no longer takes marks the account for reconnecting
 * and tells its owner once; a passing failure is tried again on the next run.
 */
public final class TokenRenewal {
    private static final Logger log = LoggerFactory.getLogger(TokenRenewal.class);

    private final Accounts accounts;
    private final Providers providers;
    private final CredentialKeeper keeper;
    private final Announcer announcer;
    private final Clock clock;

    public TokenRenewal(Accounts accounts, Providers providers, CredentialKeeper keeper, Announcer announcer, Clock clock) {
        this.accounts = accounts;
        this.providers = providers;
        this.keeper = keeper;
        this.announcer = announcer;
        this.clock = clock;
    }

    /** Renews what is due; returns how many accounts got a new token. */
    public int renewDue() {
        Duration longest = providers.all().stream().map(Provider::renewBefore).max(Duration::compareTo).orElse(Duration.ZERO);
        int renewed = 0;
        for (Account account : accounts.renewableBy(clock.instant().plus(longest))) {
            Optional<Provider> provider = providers.find(Platform.of(account.platform()));
            if (provider.isEmpty() || !keeper.due(keeper.stored(account), provider.get())) {
                continue;
            }
            try {
                keeper.current(account, provider.get());
                renewed++;
            } catch (PlatformError e) {
                if (e.kind() == PlatformError.Kind.AUTH_EXPIRED && accounts.markNeedsReconnect(account.workspaceId(), account.id())) {
                    announcer.needsReconnect(account, e.getMessage());
                }
                log.info("Renewing the {} token of account {} failed: {}", account.platform(), account.shortId(), e.kind());
            }
        }
        return renewed;
    }
}
