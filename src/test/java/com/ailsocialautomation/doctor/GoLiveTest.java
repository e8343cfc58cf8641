package com.ailsocialautomation.doctor;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.ailsocialautomation.config.Config;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoLiveTest {
    private static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
    private static final Map<String, String> LIVE = Map.of("AIL_PUBLIC_URL", "https://ail.example.org", "AIL_CONTACT_EMAIL", "dpo@example.org");

    @Test
    void theShippedContactAndAPlainHttpPublicUrlAreWarnedAbout() {
        List<String> warnings = GoLive.warnings(Config.from(Map.of()), DEC_2026);
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("AIL_CONTACT_EMAIL is still the shipped legal@ailsocialautomation.com: set it"), warnings.get(0));
        assertTrue(warnings.get(1).startsWith("AIL_PUBLIC_URL http://localhost:8080 is not https: "), warnings.get(1));
        assertEquals(List.of(), GoLive.warnings(Config.from(LIVE), DEC_2026));
    }

    @Test
    void anOldLinkedInVersionIsWarnedAboutAtStartAndItsAgeIsAGauge() {
        Map<String, String> env = new java.util.HashMap<>(LIVE);
        env.putAll(Map.of("AIL_LINKEDIN_CLIENT_ID", "li-app", "AIL_LINKEDIN_CLIENT_SECRET", "li-secret", "AIL_LINKEDIN_VERSION", "202601"));
        Config config = Config.from(env);
        Logger logger = (Logger) LoggerFactory.getLogger(GoLive.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try {
            GoLive.report(config, DEC_2026, metrics);
        } finally {
            logger.detachAppender(logged);
        }
        assertEquals(List.of("Before going live: AIL_LINKEDIN_VERSION 202601 is 11 months old: set it to a newer version "
                        + "(AIL's default is 202607); LinkedIn retires each version about a year after its release and then refuses every post"),
                logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertEquals(11.0, metrics.get(GoLive.LINKEDIN_VERSION_AGE).tag("version", "202601").gauge().value());
    }

    @Test
    void withThreadsOnAPublicUrlThreadsCannotFetchMediaFromIsWarnedAbout() {
        Map<String, String> threads = Map.of("AIL_THREADS_CLIENT_ID", "th-app", "AIL_THREADS_CLIENT_SECRET", "th-secret",
                "AIL_CONTACT_EMAIL", "dpo@example.org");
        for (String url : List.of("http://ail.example.org", "https://localhost:8443", "https://10.0.0.5", "https://ail.internal",
                "https://[::1]:8443", "https://ail")) {
            Map<String, String> env = new java.util.HashMap<>(threads);
            env.put("AIL_PUBLIC_URL", url);
            List<String> warnings = GoLive.warnings(Config.from(env), DEC_2026);
            assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Threads fetch each post's pictures and videos from "
                    + "AIL_PUBLIC_URL/media/..., but " + url + " ") && w.endsWith("set AIL_PUBLIC_URL to AIL's public https:// address")),
                    url + ": " + warnings);
        }
        Map<String, String> live = new java.util.HashMap<>(threads);
        live.put("AIL_PUBLIC_URL", "https://ail.example.org");
        assertEquals(List.of(), GoLive.warnings(Config.from(live), DEC_2026));
        assertEquals(List.of(), GoLive.warnings(Config.from(Map.of("AIL_PUBLIC_URL", "https://10.0.0.5",
                "AIL_CONTACT_EMAIL", "dpo@example.org")), DEC_2026), "without Threads or Instagram a private address is fine");
    }
}
