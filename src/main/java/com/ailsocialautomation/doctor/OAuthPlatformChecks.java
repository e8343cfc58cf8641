package com.ailsocialautomation.doctor;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.platform.Platform;

import java.util.List;

/**
 * X and LinkedIn: their OAuth apps have no harmless call without a person's consent (X's client-credentials grant
 * needs other keys; LinkedIn's needs a partner approval), so doctor says whether they are set and which redirect URI
 * the app must list, and the first {@code /ail connect} checks the credentials for real.
 */
final class OAuthPlatformChecks {
    private OAuthPlatformChecks() {}

    /** One check per platform that waits for the operator's OAuth app (Platform.Setting.CLIENT). */
    static List<Check> of(Config config) {
        return Platform.withProvider().stream().filter(p -> p.reads(Platform.Setting.CLIENT)).map(p -> check(config, p)).toList();
    }

    private static Check check(Config config, Platform platform) {
        String id = platform.id();
        String variables = platform.variable("CLIENT_ID") + " and " + platform.variable("CLIENT_SECRET");
        if (!platform.app(config).hasCredentials()) {
            return Check.ok(id, "off (set " + variables + " to offer " + platform.displayName() + ")");
        }
        return Check.ok(id, variables + " are set; not checkable without a user: the "
                + "first /ail connect " + id + " checks them. " + platform.displayName() + "'s app must list the redirect URI "
                + config.publicUrl() + "/oauth/" + id + "/callback");
    }
}
