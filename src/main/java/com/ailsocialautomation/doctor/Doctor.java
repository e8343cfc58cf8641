package com.ailsocialautomation.doctor;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.ConfigError;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar ail.jar doctor}: checks a configuration without starting the service. One line per check (OK, WARN
 * or FAIL); exit code 1 when any check fails. Calls are harmless: authenticated reads where a platform has one,
 * nothing written, no migration run, the embedded PostgreSQL not started.
 */
public final class Doctor {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Doctor() {}

    public static int run(Map<String, String> env, PrintStream out, Clock clock) {
        List<Check> checks = checks(env, clock);
        checks.forEach(check -> out.println(check.line()));
        long failed = checks.stream().filter(c -> c.status() == Check.Status.FAIL).count();
        long warned = checks.stream().filter(c -> c.status() == Check.Status.WARN).count();
        out.println(failed > 0 ? failed + " check(s) failed, " + warned + " warning(s): fix the FAIL lines, then run doctor again."
                : warned > 0 ? "No failures, " + warned + " warning(s): fine for a trial; fix them before going live."
                : "All checks passed.");
        return failed > 0 ? 1 : 0;
    }

    static List<Check> checks(Map<String, String> env, Clock clock) {
        Config config;
        try {
            config = Config.from(env);
        } catch (ConfigError e) {
            return List.of(Check.fail("configuration", e.getMessage()));
        }
        List<Check> checks = new ArrayList<>();
        checks.add(Check.ok("configuration", "every variable is valid"));
        GoLive.warnings(config, clock).forEach(w -> checks.add(Check.warn("before going live", w)));
        checks.add(DatabaseCheck.check(config));
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        checks.add(PublicUrlCheck.check(http, config.publicUrl()));
        checks.add(ChatChecks.slack(http, config.slack()));
        checks.add(ChatChecks.discord(http, config.discord()));
        checks.addAll(OAuthPlatformChecks.of(config));
        return checks;
    }
}
