package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.engine.CredentialKeeper;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.MediaFacts;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.Providers;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Vetting;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.StoredTokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Asks each target's platform, before a post is accepted, whether the account may post it now ({@link Provider#vet}):
 * a refusal refuses the whole post in one line, as the other checks do, and what a platform asks people to see is
 * added to the reply. The person is waiting, so each platform gets {@link #PATIENCE} to answer (its API calls keep
 * their own timeouts meanwhile); a platform that cannot be asked refuses the post with a line that says so, since it
 * may not be postable at all.
 */
public final class PostVetting {
    /** How long a platform may take to answer while the person waits for the command's reply. */
    static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final ExecutorService ASKING = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "post-vetting");
        thread.setDaemon(true);
        return thread;
    });

    private final Providers providers;
    private final CredentialKeeper credentials;

    public PostVetting(Providers providers, CredentialKeeper credentials) {
        this.providers = providers;
        this.credentials = credentials;
    }

    /** The notices to show, by label ("TikTok (@ana)"); throws a UserError naming every refusal. */
    public Map<String, String> vet(List<Account> targets, PublishRequest post, List<MediaFacts> media) {
        List<String> refusals = new ArrayList<>();
        Map<String, String> notices = new LinkedHashMap<>();
        for (Account account : targets) {
            Platform platform = Platform.of(account.platform());
            Provider provider = providers.find(platform).orElse(null);
            if (provider == null) {
                continue; // the engine says so when it gets there; the rules were checked already
            }
            String who = platform.displayName() + " (" + (account.handle() == null ? account.shortId() : account.handle()) + ")";
            Vetting vetting;
            try {
                vetting = bounded(() -> vet(account, provider, post, media), platform);
            } catch (PlatformError e) {
                refusals.add(who + ": AIL could not ask " + platform.displayName() + " what the account may post now ("
                        + e.getMessage() + ")" + (e.kind() == PlatformError.Kind.AUTH_EXPIRED
                        ? "; reconnect it with /ail connect " + platform.id() : "; try again in a moment"));
                continue;
            }
            if (vetting.refusal() != null) {
                refusals.add(who + ": " + vetting.refusal());
            }
            if (vetting.notice() != null) {
                notices.put(who, vetting.notice());
            }
        }
        if (!refusals.isEmpty()) {
            String all = String.join("; ", refusals);
            throw new UserError(Character.toUpperCase(all.charAt(0)) + all.substring(1) + ".");
        }
        return notices;
    }

    private static Vetting bounded(Supplier<Vetting> question, Platform platform) {
        Future<Vetting> answer = ASKING.submit(question::get);
        try {
            return answer.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new PlatformError(PlatformError.Kind.TRANSIENT, 0, platform.displayName() + " did not answer within "
                    + PATIENCE.toSeconds() + " s", null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformError(PlatformError.Kind.TRANSIENT, 0, "interrupted while asking " + platform.displayName(), null);
        }
    }

    /** Asks once; a token the platform no longer takes is refreshed (where it can be) and the question asked again. */
    private Vetting vet(Account account, Provider provider, PublishRequest post, List<MediaFacts> media) {
        try {
            return provider.vet(() -> credentials.current(account, provider), post, media);
        } catch (PlatformError e) {
            StoredTokens stored = credentials.stored(account);
            if (e.kind() != PlatformError.Kind.AUTH_EXPIRED || stored.refresh() == null) {
                throw e;
            }
            Credentials fresh = credentials.refresh(account, provider, stored);
            return provider.vet(() -> fresh, post, media);
        }
    }

    /** The reply with each notice as a field. */
    public static Reply withNotices(Reply reply, Map<String, String> notices) {
        Reply out = reply;
        for (Map.Entry<String, String> notice : notices.entrySet()) {
            out = out.withField(notice.getKey(), notice.getValue());
        }
        return out;
    }
}
