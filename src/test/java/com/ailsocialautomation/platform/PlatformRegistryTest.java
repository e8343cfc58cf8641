package com.ailsocialautomation.platform;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.command.Commands;
import com.ailsocialautomation.command.HelpText;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.ConfigError;
import com.ailsocialautomation.discord.CommandDefinition;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.HttpLimits;
import com.ailsocialautomation.net.Resolver;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.privacy.OutboundDestinations;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every platform is declared once in {@link Platform}; what people are offered and what the server reads follows. */
class PlatformRegistryTest {
    private static final List<String> WITH_PROVIDER = List.of("mastodon", "bluesky", "webhook", "x", "linkedin", "youtube", "tiktok", "facebook",
            "instagram", "threads");
    private static final List<String> WITHOUT = List.of();

    @Test
    void connectOffersInHelpAndOnDiscordExactlyThePlatformsThatHaveAProvider() throws Exception {
        assertEquals(WITH_PROVIDER, Platform.withProvider().stream().map(Platform::id).toList());
        assertEquals(WITH_PROVIDER, Commands.get("connect").args().get(0).choices());
        String help = HelpText.of("connect").text();
        JsonNode connect = null;
        for (JsonNode sub : Json.MAPPER.readTree(CommandDefinition.json()).get("options")) {
            connect = sub.get("name").asText().equals("connect") ? sub : connect;
        }
        // more than four: Discord completes them as people type rather than listing them as choices
        assertTrue(connect.get("options").get(0).get("autocomplete").asBoolean(), connect.toString());
        assertEquals(WITH_PROVIDER, CommandDefinition.values("connect", "platform").orElseThrow().words());
        WITH_PROVIDER.forEach(id -> assertTrue(help.contains(id), id + " in " + help));
        for (String id : WITHOUT) {
            assertFalse(Platform.of(id).hasProvider(), id);
            assertFalse(help.toLowerCase().contains(id), id + " is offered in " + help);
        }
    }

    @Test
    void eachPlatformWithAProviderBuildsItsOwnAndTheOperatorsAppTurnsXAndLinkedInOn() {
        try (GuardedHttp http = new GuardedHttp(new UrlGuard(true, Resolver.system()), HttpLimits.defaults())) {
            DirectApiClient direct = new DirectApiClient(Duration.ofSeconds(2));
            Providers bare = Providers.enabled(Config.from(Map.of()), http, direct, Clock.systemUTC(), PublicMedia.NONE);
            assertEquals(List.of(Platform.MASTODON, Platform.BLUESKY, Platform.WEBHOOK),
                    bare.all().stream().map(Provider::platform).toList());
            Providers all = Providers.enabled(Config.from(Map.ofEntries(Map.entry("AIL_X_CLIENT_ID", "x-id"),
                    Map.entry("AIL_X_CLIENT_SECRET", "x-secret"), Map.entry("AIL_LINKEDIN_CLIENT_ID", "li-id"),
                    Map.entry("AIL_LINKEDIN_CLIENT_SECRET", "li-secret"), Map.entry("AIL_META_CLIENT_ID", "meta-id"),
                    Map.entry("AIL_META_CLIENT_SECRET", "meta-secret"), Map.entry("AIL_YOUTUBE_CLIENT_ID", "yt-id"),
                    Map.entry("AIL_YOUTUBE_CLIENT_SECRET", "yt-secret"), Map.entry("AIL_THREADS_CLIENT_ID", "th-id"),
                    Map.entry("AIL_THREADS_CLIENT_SECRET", "th-secret"), Map.entry("AIL_TIKTOK_CLIENT_ID", "tt-key"),
                    Map.entry("AIL_TIKTOK_CLIENT_SECRET", "tt-secret"))), http, direct, Clock.systemUTC(),
                    PublicMedia.NONE);
            assertEquals(Platform.withProvider(), all.all().stream().map(Provider::platform).toList());
        }
    }

    @Test
    void onlyPlatformsWaitingForAnOperatorAppSayTheyAreOffAndHow() {
        Config none = Config.from(Map.of());
        List<String> off = Arrays.stream(Platform.values()).flatMap(p -> p.whyOff(p.app(none)).stream()).toList();
        assertEquals(List.of("x: off (set AIL_X_CLIENT_ID and AIL_X_CLIENT_SECRET)",
                "linkedin: off (set AIL_LINKEDIN_CLIENT_ID and AIL_LINKEDIN_CLIENT_SECRET)",
                "youtube: off (set AIL_YOUTUBE_CLIENT_ID and AIL_YOUTUBE_CLIENT_SECRET)",
                "tiktok: off (set AIL_TIKTOK_CLIENT_ID and AIL_TIKTOK_CLIENT_SECRET)",
                "facebook: off (set AIL_META_CLIENT_ID and AIL_META_CLIENT_SECRET)",
                "instagram: off (set AIL_META_CLIENT_ID and AIL_META_CLIENT_SECRET)",
                "threads: off (set AIL_THREADS_CLIENT_ID and AIL_THREADS_CLIENT_SECRET)"), off);
    }

    @Test
    void facebookAndInstagramReadOneMetaAppNotOneEach() {
        Config meta = Config.from(Map.of("AIL_META_CLIENT_ID", "meta-id", "AIL_META_CLIENT_SECRET", "meta-secret",
                "AIL_META_API_URL", "https://graph.example.org/", "AIL_FACEBOOK_CLIENT_ID", "not read"));
        for (Platform platform : List.of(Platform.FACEBOOK, Platform.INSTAGRAM)) {
            PlatformApp app = platform.app(meta);
            assertEquals("meta-id", app.clientId(), platform.id());
            assertEquals("https://graph.example.org", app.apiUrl(), platform.id());
            assertEquals("AIL_META_AUTH_URL", platform.variable("AUTH_URL"));
            assertEquals(List.of(Platform.FACEBOOK, Platform.INSTAGRAM), platform.sharingItsApp());
        }
        assertEquals(List.of(Platform.X), Platform.X.sharingItsApp());
    }

    @Test
    void aPlatformReadsOnlyTheVariablesItDeclaresAndABadOneIsNamed() {
        Config config = Config.from(Map.of("AIL_MASTODON_API_URL", "not read", "AIL_YOUTUBE_CLIENT_ID", "not read",
                "AIL_BLUESKY_API_URL", "https://pds.example.org/", "AIL_X_CLIENT_ID", "id-x", "AIL_X_CLIENT_SECRET", "secret-x"));
        assertEquals(new PlatformApp(null, null, null, null, null), Platform.MASTODON.app(config));
        assertFalse(Platform.YOUTUBE.app(config).hasCredentials());
        assertEquals("https://pds.example.org", Platform.BLUESKY.app(config).apiUrl());
        assertNull(Platform.BLUESKY.app(config).clientId());
        PlatformApp x = Platform.X.app(config);
        assertTrue(x.hasCredentials());
        assertFalse(x.toString().contains("secret-x"), x.toString());
        assertFalse(config.toString().contains("secret-x"), config.toString());

        ConfigError url = assertThrows(ConfigError.class, () -> Platform.X.app(Config.from(Map.of("AIL_X_API_URL", "http://exa mple"))));
        assertEquals("AIL_X_API_URL", url.variable());
        assertTrue(url.getMessage().contains("must be an absolute http(s) URL"), url.getMessage());
        ConfigError version = assertThrows(ConfigError.class,
                () -> Platform.LINKEDIN.app(Config.from(Map.of("AIL_LINKEDIN_VERSION", "2026-01"))));
        assertEquals("AIL_LINKEDIN_VERSION", version.variable());
        assertTrue(version.getMessage().contains("must be a LinkedIn API version as YYYYMM, such as 202607, got '2026-01'"),
                version.getMessage());
        assertEquals(250, Platform.YOUTUBE.app(Config.from(Map.of("AIL_YOUTUBE_DAILY_QUOTA", "250"))).dailyQuota());
        assertTrue(Platform.LINKEDIN.app(Config.from(Map.of("AIL_LINKEDIN_ORGANIZATIONS", "true"))).organizations());
        assertFalse(Platform.LINKEDIN.app(Config.from(Map.of())).organizations(), "personal posting only unless the operator says so");
        assertFalse(Platform.X.app(Config.from(Map.of("AIL_X_ORGANIZATIONS", "true"))).organizations(), "X declares no organizations");
        assertEquals("AIL_LINKEDIN_ORGANIZATIONS", assertThrows(com.ailsocialautomation.config.ConfigError.class,
                () -> Platform.LINKEDIN.app(Config.from(Map.of("AIL_LINKEDIN_ORGANIZATIONS", "maybe")))).variable());
        assertNull(Platform.X.app(Config.from(Map.of("AIL_X_DAILY_QUOTA", "250"))).dailyQuota(), "X declares no quota");
        ConfigError quota = assertThrows(ConfigError.class,
                () -> Platform.YOUTUBE.app(Config.from(Map.of("AIL_YOUTUBE_DAILY_QUOTA", "0"))));
        assertEquals("AIL_YOUTUBE_DAILY_QUOTA", quota.variable());
    }

    @Test
    void theOutboundListHoldsEveryHostAPlatformDeclaresAndThePlacesPeopleChoose() {
        for (Platform platform : Platform.values()) {
            for (Host host : platform.hosts()) {
                OutboundDestinations.Destination declared = OutboundDestinations.find(host.host().replace("*.", "uploads."))
                        .orElseThrow(() -> new AssertionError(host + " is not in the outbound list"));
                assertEquals(host.why(), declared.why());
            }
        }
        assertEquals(OutboundDestinations.Kind.PLATFORM_API, OutboundDestinations.find("api.x.com").orElseThrow().kind());
        assertEquals(OutboundDestinations.Kind.BROWSER, OutboundDestinations.find("x.com").orElseThrow().kind());
        assertEquals(OutboundDestinations.Kind.BROWSER, OutboundDestinations.find("www.youtube.com").orElseThrow().kind());
        assertEquals(OutboundDestinations.Kind.PLATFORM_API, OutboundDestinations.find("www.googleapis.com").orElseThrow().kind());
        assertTrue(OutboundDestinations.CHOSEN_BY_PEOPLE.containsAll(List.of("the Mastodon instance a person connects",
                "the Bluesky PDS a person's handle lives on", "the webhook URL a person connects")));
    }

    @Test
    void storedIdsMapBackToTheirPlatformAndAnUnknownOneIsABug() {
        for (Platform platform : Platform.values()) {
            assertEquals(platform, Platform.of(platform.id()));
            assertEquals(platform.id(), platform.toString());
        }
        assertEquals(Platform.X, Platform.find(" X ").orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> Platform.of("myspace"));
    }

    @Test
    void everyPlatformIdTheStoreKeepsHasExactlyOneDeclaration() {
        assertEquals(Arrays.stream(com.ailsocialautomation.message.PlatformId.values()).toList(),
                Arrays.stream(Platform.values()).map(Platform::platformId).toList());
        for (com.ailsocialautomation.message.PlatformId id : com.ailsocialautomation.message.PlatformId.values()) {
            assertEquals(id, Platform.of(id).platformId());
        }
    }
}
