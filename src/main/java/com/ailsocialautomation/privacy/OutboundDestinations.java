package com.ailsocialautomation.privacy;

import com.ailsocialautomation.platform.Host;
import com.ailsocialautomation.platform.Platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Every place AIL sends data to, declared in one list (privacy policy clause 4: data is shared only with the
 * platform APIs the service needs). {@code OutboundDestinationsTest} reads the main sources and fails when a host
 * appears that is not declared here, when a class outside {@link #CLIENTS} opens network connections, or when a
 * telemetry library or address turns up; and at run time the suite's {@code testing.DeclaredHostsOnly} fails any
 * test whose code resolves or connects to a host that is neither declared here nor this machine. Adding a
 * destination therefore means declaring it with a reason: a platform's hosts with the platform (platform.Platform),
 * every other one here.
 */
public final class OutboundDestinations {
    /** Why a host is named in the code. */
    public enum Kind {
        /** A social platform's API the server calls for accounts people connected (the operator may point it elsewhere). */
        PLATFORM_API,
        /** A chat platform's API, called only when that front end is configured. */
        CHAT_API,
        /** A page the person's browser opens (an OAuth consent page) or a link shown in a reply; the server never calls it. */
        BROWSER,
        /** AIL's own address (the default AIL_PUBLIC_URL), used in links AIL hands out. */
        SELF,
        /** A documentation example in help texts and messages (RFC 2606 names); never called. */
        EXAMPLE
    }

    /** A host (or {@code *.domain}: the domain and its subdomains), what it is, and why it is named. */
    public record Destination(String host, Kind kind, String why) {
        public boolean matches(String candidate) {
            String h = candidate.toLowerCase(Locale.ROOT);
            return host.startsWith("*.") ? h.endsWith(host.substring(1)) || h.equals(host.substring(2)) : h.equals(host);
        }
    }

    /** Code allowed to open connections: a class name or a package prefix, and where it may go. */
    public record Client(String prefix, String reaches) {}

    /** The platforms' hosts as each platform declares them (platform.Platform), then the chat platforms' and AIL's own. */
    public static final List<Destination> HOSTS = Stream.concat(
            Arrays.stream(Platform.values()).flatMap(p -> p.hosts().stream()).map(OutboundDestinations::destination),
            Stream.of(
                new Destination("slack.com", Kind.CHAT_API, "Slack Web API, when SLACK_* is set, and Sign in with Slack for the web "
                        + "calendar (SLACK_API_URL replaces it)"),
                new Destination("hooks.slack.com", Kind.CHAT_API,
                        "the response_url Slack hands out with a command or button (slack.ResponseUrl posts the answer there)"),
                new Destination("files.slack.com", Kind.CHAT_API, "upload URLs Slack hands out for files AIL sends (files.uploadV2), "
                        + "and the url_private_download of files people give AIL in Slack, copied once with the bot token "
                        + "when the command is accepted"),
                new Destination("wss-primary.slack.com", Kind.CHAT_API,
                        "Slack's Socket Mode websocket that apps.connections.open hands out, when SLACK_APP_TOKEN is set"),
                new Destination("wss-backup.slack.com", Kind.CHAT_API, "Slack's fallback Socket Mode websocket, handed out the same way"),
                new Destination("discord.com", Kind.CHAT_API, "Discord REST API, when DISCORD_BOT_TOKEN is set, and Discord sign-in for "
                        + "the web calendar with DISCORD_CLIENT_ID (DISCORD_API_URL replaces it)"),
                new Destination("gateway.discord.gg", Kind.CHAT_API, "Discord's gateway websocket, when DISCORD_BOT_TOKEN is set"),
                new Destination("cdn.discordapp.com", Kind.CHAT_API, "Discord's CDN: files attached to /ail post or schedule, "
                        + "copied once (a signed address, no token) when the command is accepted"),
                new Destination("media.discordapp.net", Kind.CHAT_API, "Discord's media proxy, which attachment addresses may name instead"),
                new Destination("localhost", Kind.SELF, "the default AIL_PUBLIC_URL, http://localhost:<port>"),
                new Destination("*.example.com", Kind.EXAMPLE, "examples in help and error messages"),
                new Destination("*.example.org", Kind.EXAMPLE, "examples in help and error messages"),
                new Destination("your-pds.example", Kind.EXAMPLE, "an example PDS address in a Bluesky error message")))
            .toList();

    /**
     * Hosts that people choose rather than the code: reached only through {@code net.GuardedHttp}, after
     * {@code net.UrlGuard} has checked that the URL is https and every address it resolves to is public.
     */
    public static final List<String> CHOSEN_BY_PEOPLE = Stream.concat(
            Arrays.stream(Platform.values()).flatMap(p -> p.chosenByPeople().stream()),
            Stream.of("media URLs in a post (downloaded to upload them to the platform)")).toList();

    public static final List<Client> CLIENTS = List.of(
            new Client("com.ailsocialautomation.platform.DirectApiClient",
                    "the PLATFORM_API hosts above, or the bases the operator configured instead"),
            new Client("com.ailsocialautomation.net.", "hosts CHOSEN_BY_PEOPLE, through GuardedHttp after UrlGuard, and DNS for them"),
            new Client("com.ailsocialautomation.slack.", "the Slack CHAT_API hosts, through Slack's SDK"),
            new Client("com.ailsocialautomation.discord.", "the Discord CHAT_API hosts, through JDA"),
            new Client("com.ailsocialautomation.doctor.", "only when the operator runs `ail.jar doctor`: AIL_PUBLIC_URL's /healthz, "
                    + "and the Slack and Discord CHAT_API hosts (or their configured bases) with harmless authenticated calls"));

    private OutboundDestinations() {}

    /** The declared destination for a host, if any. */
    public static java.util.Optional<Destination> find(String host) {
        return HOSTS.stream().filter(d -> d.matches(host)).findFirst();
    }

    public static boolean mayConnect(String className) {
        return CLIENTS.stream().anyMatch(c -> c.prefix().endsWith(".") ? className.startsWith(c.prefix()) : className.equals(c.prefix()));
    }

    private static Destination destination(Host host) {
        return new Destination(host.host(), host.use() == Host.Use.API ? Kind.PLATFORM_API : Kind.BROWSER, host.why());
    }
}
