package com.ailsocialautomation.privacy;

import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A platform with a revoke endpoint, as the erasures see it: it records each token it was asked to revoke and
 * answers 503 for the tokens it is told to refuse. Publishing is not what these tests are about.
 */
final class RevokingProvider implements Provider {
    private final Platform platform;
    private final Set<String> refused;
    final List<String> revoked = new CopyOnWriteArrayList<>();

    RevokingProvider(Platform platform, Set<String> refused) {
        this.platform = platform;
        this.refused = refused;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public boolean canRevoke() {
        return true;
    }

    @Override
    public void revoke(Credentials credentials) {
        String token = credentials.accessToken().reveal();
        if (refused.contains(token)) {
            throw new PlatformError(PlatformError.Kind.TRANSIENT, 503, "the instance is down for maintenance", null);
        }
        revoked.add(token);
    }

    @Override
    public Profile profile(Credentials credentials) {
        return new Profile(credentials.accountId(), credentials.handle(), credentials.handle(), null, null);
    }

    @Override
    public Published publish(Credentials credentials, PublishRequest request) {
        throw new PlatformError(PlatformError.Kind.PERMANENT, 0, "not in these tests", null);
    }
}
