package com.ailsocialautomation.doctor;

import com.ailsocialautomation.config.Config;

import java.util.List;
import java.util.Map;

/**
 * X and LinkedIn: their OAuth apps have no harmless call without a person's consent (X's client-credentials grant
 * needs other keys; LinkedIn's needs a partner approval), so doctor says whether they are set and which redirect URI
 * the app must list, and the first {@code /ail connect} checks the credentials for real.
 */
final class OAuthPlatformChecks {
    private static final Map<String, String> NAMES = Map.of("x", "X", "linkedin", "LinkedIn");

    private OAuthPlatformChecks() {}

    static List<Check> of(Config config) {
        return List.of("x", "linkedin").stream().map(id -> check(config, id)).toList();
    }

    private static Check check(Config config, String id) {
        String prefix = "AIL_" + id.toUpperCase(java.util.Locale.ROOT) + "_";
        Config.PlatformApp app = config.platform(id);
        if (!app.hasCredentials()) {
            return Check.ok(id, "off (set " + prefix + "CLIENT_ID and " + prefix + "CLIENT_SECRET to offer " + NAMES.get(id) + ")");
        }
        return Check.ok(id, prefix + "CLIENT_ID and " + prefix + "CLIENT_SECRET are set; not checkable without a user: the "
                + "first /ail connect " + id + " checks them. " + NAMES.get(id) + "'s app must list the redirect URI "
                + config.publicUrl() + "/oauth/" + id + "/callback");
    }
}
