package com.ailsocialautomation.doctor;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.net.PublicHost;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformApp;
import com.ailsocialautomation.platform.linkedin.LinkedInVersion;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What an operator should change before real people use this server, read from the configuration alone: logged as
 * warnings at every start and printed by {@code doctor}. None of them stops AIL (a laptop trial is fine without).
 */
public final class GoLive {
    /** Months since the LinkedIn-Version AIL sends was released; LinkedIn refuses it from about twelve on. */
    public static final String LINKEDIN_VERSION_AGE = "ail.linkedin.version.age.months";
    private static final Logger log = LoggerFactory.getLogger(GoLive.class);

    private GoLive() {}

    public static List<String> warnings(Config config, Clock clock) {
        List<String> warnings = new ArrayList<>();
        if (config.contactEmail().equals(Config.SHIPPED_CONTACT_EMAIL)) {
            warnings.add("AIL_CONTACT_EMAIL is still the shipped " + Config.SHIPPED_CONTACT_EMAIL + ": set it to the address "
                    + "where people reach you about their data (shown on /privacy, /terms and in /ail help)");
        }
        if (!config.publicUrl().startsWith("https://")) {
            warnings.add("AIL_PUBLIC_URL " + config.publicUrl() + " is not https: Slack, Discord and the OAuth platforms need an "
                    + "HTTPS address; put AIL behind a TLS reverse proxy or a tunnel and set AIL_PUBLIC_URL to its https:// address");
        }
        mediaUrlUnreachable(config).ifPresent(warnings::add);
        PlatformApp linkedin = Platform.LINKEDIN.app(config);
        if (linkedin.hasCredentials()) {
            LinkedInVersion.staleness(linkedin.version(), clock).ifPresent(warnings::add);
        }
        return warnings;
    }

    /** Platforms that fetch media by URL are on, and they could not fetch from AIL_PUBLIC_URL. */
    private static java.util.Optional<String> mediaUrlUnreachable(Config config) {
        List<String> fetching = Platform.withProvider().stream().filter(Platform::fetchesMediaByUrl)
                .filter(p -> p.whyOff(p.app(config)).isEmpty()).map(Platform::displayName).toList();
        if (fetching.isEmpty()) {
            return java.util.Optional.empty();
        }
        java.net.URI url = java.net.URI.create(config.publicUrl());
        java.util.Optional<String> why = "https".equals(url.getScheme()) ? PublicHost.whyNot(url.getHost())
                : java.util.Optional.of("is not https");
        return why.map(w -> String.join(" and ", fetching) + " fetch each post's pictures and videos from AIL_PUBLIC_URL/media/..., but "
                + config.publicUrl() + " " + w + ": their posts with media will fail; set AIL_PUBLIC_URL to AIL's public https:// address");
    }

    /** Logs each warning and exposes the LinkedIn version's age as a gauge while LinkedIn is on. */
    public static void report(Config config, Clock clock, MeterRegistry metrics) {
        warnings(config, clock).forEach(warning -> log.warn("Before going live: {}", warning));
        PlatformApp linkedin = Platform.LINKEDIN.app(config);
        if (linkedin.hasCredentials()) {
            String version = LinkedInVersion.effective(linkedin.version());
            Gauge.builder(LINKEDIN_VERSION_AGE, () -> LinkedInVersion.monthsOld(version, clock))
                    .description("Months since the LinkedIn-Version AIL sends was released; warn from "
                            + LinkedInVersion.STALE_AFTER_MONTHS + ", LinkedIn refuses it from about 12")
                    .tag("version", version)
                    .register(metrics);
        }
    }
}
