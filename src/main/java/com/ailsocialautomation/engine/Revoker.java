package com.ailsocialautomation.engine;

import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.AccountStatus;
import com.ailsocialautomation.store.PendingRevocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Revokes an account's token at its platform. A revocation that fails is queued and retried later by
 * {@link #retryPending()}; it never blocks a disconnect or an erasure.
 */
public final class Revoker {
    private static final Logger log = LoggerFactory.getLogger(Revoker.class);

    private final Providers providers;
    private final CredentialKeeper credentials;
    private final PendingRevocations pending;
    private final ClientApps apps;
    private final Clock clock;

    public Revoker(Providers providers, CredentialKeeper credentials, PendingRevocations pending, ClientApps apps, Clock clock) {
        this.providers = providers;
        this.credentials = credentials;
        this.pending = pending;
        this.apps = apps;
        this.clock = clock;
    }

    /**
     * Whether disconnecting one account of a sign-in that several accounts share ends them all (Meta: the Pages' tokens
     * come from the login AIL gives back), or the others go on with it (LinkedIn Pages beside the profile).
     */
    public boolean sharedGrantEndsTogether(Account account) {
        return providers.find(Platform.of(account.platform())).map(Provider::sharedGrantEndsTogether).orElse(true);
    }

    /** True when revoked now (or nothing to revoke); false when queued for a later attempt. */
    public boolean revoke(Account account) {
        Provider provider = providers.find(Platform.of(account.platform())).orElse(null);
        if (provider == null || !provider.canRevoke()) {
            return true;
        }
        Credentials creds = credentials.credentials(account, credentials.stored(account));
        if (creds.accessToken() == null && creds.refreshToken() == null) {
            return true;
        }
        try {
            provider.revoke(creds);
            return true;
        } catch (PlatformError | com.ailsocialautomation.UserError e) {
            log.info("Revoking a {} token failed ({}); it will be retried", account.platform(), e.getMessage());
            pending.add(account.platform(), account.instanceUrl(), creds.accessToken(), creds.refreshToken(),
                    clock.instant().plus(Duration.ofMinutes(5)));
            return false;
        }
    }

    /**
     * Retries queued revocations, waiting 5 minutes, then twice as long each time up to 4 hours; gives up on one
     * (deleting its token) after 31 retries, about four and a half days after the first failure.
     */
    public void retryPending() {
        Instant now = clock.instant();
        for (PendingRevocations.Pending p : pending.due(now, 50)) {
            Provider provider = providers.find(Platform.of(p.platform())).orElse(null);
            if (provider == null) {
                pending.later(p.id(), now.plus(Duration.ofHours(6))); // the platform is off here; keep it, out of the way
                continue;
            }
            ClientApp app = apps.forAccount(new Account(null, null, null, p.platform(), null, null, null, null,
                    p.instanceUrl(), null, null, null, AccountStatus.ACTIVE, null, null, null));
            try {
                provider.revoke(new Credentials(p.token(), p.refreshToken(), null, p.instanceUrl(), null, null, app));
                pending.done(p.id());
            } catch (RuntimeException e) {
                if (p.attempts() > 30) {
                    log.warn("Giving up revoking a {} token after {} attempts", p.platform(), p.attempts());
                    pending.done(p.id());
                } else {
                    pending.later(p.id(), now.plus(Duration.ofMinutes(Math.min(240, 5L << Math.min(p.attempts(), 6)))));
                }
            }
        }
    }
}
