package com.ailsocialautomation.slack;

import com.ailsocialautomation.command.WorkspaceRemoval;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Members;
import com.ailsocialautomation.command.Compose;
import com.ailsocialautomation.command.Overview;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.notify.Notifier;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Vault;
import com.ailsocialautomation.web.WebRoutes;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.service.builtin.oauth.OAuthV2AccessErrorHandler;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TeamAccessRevokedEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The Slack app: Bolt behind {@code POST /slack/events}, for one workspace (SLACK_BOT_TOKEN) or distributed to
 * many (SLACK_CLIENT_ID + SLACK_CLIENT_SECRET, installs through {@code /slack/install}), over Socket Mode when
 * SLACK_APP_TOKEN is set. Every command goes through the command layer; this package only speaks Slack.
 */
public final class SlackFrontEnd implements AutoCloseable {
    /** The slash command, bot scopes and events the code uses; {@code bot-manifests/slack/manifest.yml} must agree. */
    public static final String COMMAND = "/ail";
    public static final List<String> BOT_SCOPES = List.of("commands", "chat:write", "im:write", "users:read", "files:write",
            "files:read");
    public static final List<String> BOT_EVENTS = List.of("app_home_opened", "app_uninstalled", "tokens_revoked");
    /** Sent only to org-wide (Enterprise Grid) installs, which subscribe to it in their org-level app settings. */
    public static final String ORG_EVENT = "team_access_revoked";
    /** Slack wants the ack within 3 s; what takes longer answers through the response_url. */
    static final Duration ACK_WITHIN = Duration.ofMillis(2_000);
    /**
     * Threads that run commands and Slack calls beside the ack; they mostly wait on PostgreSQL or Slack. With 8, fifty
     * people at once queued behind each other on the ack path.
     */
    static final int WORKERS = 32;
    private static final Logger log = LoggerFactory.getLogger(SlackFrontEnd.class);

    /** What the Slack app uses of the rest of AIL. */
    public record Parts(CommandService commands, Compose compose, Overview overview, Sql sql, Vault vault,
                        WorkspaceRemoval removal, Clock clock) {}

    private final Config.Slack config;
    private final Slack slack;
    private final App bolt;
    private final ExecutorService work;
    private final SlackRoutes routes;
    private final SlackNotifier notifier;
    private final ProcessedEvents processed;
    private final BotTokens tokens;
    private final People people;
    private SocketModeApp socketMode;

    public SlackFrontEnd(Config.Slack config, String publicUrl, Parts parts) {
        this(config, publicUrl, parts, ACK_WITHIN);
    }

    SlackFrontEnd(Config.Slack config, String publicUrl, Parts parts, Duration ackWithin) {
        this.config = config;
        this.slack = Slack.getInstance(slackConfig(config.apiUrl()));
        AtomicInteger n = new AtomicInteger();
        this.work = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "ail-slack-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        boolean distributed = config.clientId() != null && config.clientSecret() != null;
        InstallationStore installations = distributed ? new InstallationStore(parts.sql(), parts.vault()) : null;
        TokenRotation rotation = distributed ? new TokenRotation(installations, slack, config.clientId(),
                config.clientSecret(), parts.clock()) : null;
        this.tokens = distributed ? rotation : team -> config.botToken().reveal();
        this.bolt = distributed
                ? new App(Setup.distributed(slack, config, publicUrl)).asOAuthApp(true)
                : new App(Setup.single(slack, config));
        if (distributed) {
            bolt.service(new BoltInstallations(installations, rotation, parts.clock()));
            bolt.service(new SlackOAuthStates(parts.sql(), parts.clock()));
            // Bolt's own failure handlers log the callback's query (the code) at WARN; these only redirect.
            String failed = publicUrl + Setup.INSTALL_FAILED_PAGE;
            bolt.oauthCallbackStateError((request, response) -> InstallPages.redirect(response, failed, "state"));
            bolt.oauthCallbackError((request, response) -> InstallPages.redirect(response, failed, "denied"));
            bolt.oauthCallbackAccessError((OAuthV2AccessErrorHandler) (request, response, answer) ->
                    InstallPages.redirect(response, failed, answer.getError()));
        }
        ResponseUrl responses = new ResponseUrl(slack);
        DirectMessages dms = new DirectMessages(slack, tokens, parts.clock());
        this.people = new People(parts.clock(), work);
        parts.commands().peopleInMemory().add(people); // erased with the person, as their rows are
        Replies replies = new Replies(responses, dms, work);
        AppHome home = new AppHome(parts.overview(), new HomeCalendar(parts.overview().calendar(), parts.clock()));
        this.processed = new ProcessedEvents(parts.sql(), parts.clock());
        Interactions interactions = new Interactions(parts.commands(), parts.compose(), new SlackFiles(config.apiUrl()), people,
                replies, home, work, ackWithin, parts.clock());
        Events events = new Events(processed, installations, parts.removal(), home, people, work);

        bolt.command(COMMAND, new SlashCommand(parts.commands(), parts.compose(), people, replies, work, ackWithin, parts.clock()));
        bolt.blockAction(Pattern.compile(".+"), interactions::button);
        bolt.viewSubmission(ComposeModal.CALLBACK, interactions::compose);
        bolt.messageShortcut(MessageShortcut.CALLBACK, new MessageShortcut(parts.compose(), people, replies, work, parts.clock())::apply);
        bolt.viewSubmission(FormModal.CALLBACK, interactions::form);
        bolt.viewSubmission(ImportModal.CALLBACK, interactions::importFile);
        bolt.event(AppHomeOpenedEvent.class, events::homeOpened);
        bolt.event(AppUninstalledEvent.class, events::uninstalled);
        bolt.event(TokensRevokedEvent.class, events::tokensRevoked);
        bolt.event(TeamAccessRevokedEvent.class, events::teamAccessRevoked);
        this.routes = new SlackRoutes(bolt, new SlackSignature(config.signingSecret(), parts.clock()), distributed);
        this.notifier = new SlackNotifier(dms, responses);
    }

    private static SlackConfig slackConfig(String apiUrl) {
        SlackConfig sc = new SlackConfig();
        if (apiUrl != null) {
            sc.setMethodsEndpointUrlPrefix(apiUrl + "/api/");
        }
        sc.setPrettyResponseLoggingEnabled(false);
        sc.setFailOnUnknownProperties(false);
        sc.setStatsEnabled(false);
        return sc;
    }

    public WebRoutes routes() {
        return routes;
    }

    public Notifier notifier() {
        return notifier;
    }

    /** Slack's word on a person (users.info: admin, time zone) for the web calendar; empty where AIL is not installed. */
    public Members members() {
        return (team, user, name) -> {
            String token = tokens.forTeam(team);
            return token == null ? Optional.empty()
                    : Optional.of(people.invocation(slack.methods(token), team, user, name, null));
        };
    }

    /** Starts Bolt, and Socket Mode when SLACK_APP_TOKEN is set. */
    public SlackFrontEnd start() {
        bolt.start();
        work.execute(processed::purge);
        if (config.appToken() != null) {
            try {
                socketMode = new SocketModeApp(config.appToken().reveal(), SocketModeClient.Backend.JavaWebSocket, bolt);
                socketMode.startAsync();
                log.info("Slack: Socket Mode connected");
            } catch (Exception e) {
                throw new IllegalStateException("Slack Socket Mode could not connect (check SLACK_APP_TOKEN): " + e.getMessage(), e);
            }
        }
        return this;
    }

    @Override
    public void close() throws Exception {
        if (socketMode != null) {
            socketMode.close();
        }
        bolt.stop();
        work.shutdownNow();
        slack.close();
    }
}
