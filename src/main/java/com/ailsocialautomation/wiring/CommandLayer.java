package com.ailsocialautomation.wiring;

import com.ailsocialautomation.calendar.WebSessions;
import com.ailsocialautomation.command.AccountCommands;
import com.ailsocialautomation.command.AccountPolicyCommand;
import com.ailsocialautomation.command.LateApprovals;
import com.ailsocialautomation.command.PeopleInMemory;
import com.ailsocialautomation.command.ApprovalCommands;
import com.ailsocialautomation.command.ApprovalGate;
import com.ailsocialautomation.command.ApprovalRequests;
import com.ailsocialautomation.command.ApprovalStep;
import com.ailsocialautomation.command.ApprovalView;
import com.ailsocialautomation.command.AccountSuggestions;
import com.ailsocialautomation.command.Action;
import com.ailsocialautomation.command.BlueskyLinker;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Compose;
import com.ailsocialautomation.command.Handler;
import com.ailsocialautomation.command.CsvExport;
import com.ailsocialautomation.command.CsvSource;
import com.ailsocialautomation.command.HelpCommand;
import com.ailsocialautomation.command.ImportCommands;
import com.ailsocialautomation.command.ListCommands;
import com.ailsocialautomation.command.Outstanding;
import com.ailsocialautomation.command.Overview;
import com.ailsocialautomation.command.PostCommands;
import com.ailsocialautomation.command.PostVetting;
import com.ailsocialautomation.command.PrivacyCommands;
import com.ailsocialautomation.command.QueueCommands;
import com.ailsocialautomation.command.Occurrences;
import com.ailsocialautomation.command.SeriesCommands;
import com.ailsocialautomation.command.SettingsCommands;
import com.ailsocialautomation.command.Subcommand;
import com.ailsocialautomation.command.Throttle;
import com.ailsocialautomation.command.WebhookLinker;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.media.MediaIntake;
import com.ailsocialautomation.oauth.OAuthLinker;
import com.ailsocialautomation.oauth.MetaCallbackRoutes;
import com.ailsocialautomation.oauth.MetaStyleApp;
import com.ailsocialautomation.oauth.OAuthRoutes;
import com.ailsocialautomation.command.Disconnection;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.oauth.OneTimeLinks;
import com.ailsocialautomation.oauth.PageConnectRoutes;
import com.ailsocialautomation.privacy.DataExport;
import com.ailsocialautomation.privacy.ForgetMe;
import com.ailsocialautomation.privacy.WorkspaceEraser;
import com.ailsocialautomation.slack.InstallationData;
import com.ailsocialautomation.store.AccountPolicies;
import com.ailsocialautomation.store.Approvals;
import com.ailsocialautomation.store.PersonalData;
import com.ailsocialautomation.web.WebRoutes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command layer: every subcommand's handler, the actions behind buttons and forms, the compose form and the
 * overview that front ends show, the OAuth web routes that finish a connect, and workspace erasure for front ends
 * whose app is removed.
 */
public final class CommandLayer {
    /**
     * Stand-ins a test puts in place of the real handlers of the subcommands they serve, and extra or replacing
     * actions. Production uses {@link #NONE}.
     */
    public record Overrides(List<Handler> handlers, Map<String, Action> actions) {}

    public static final Overrides NONE = new Overrides(List.of(), Map.of());

    public final CommandService commands;
    /** Makes series' next posts (the publishing engine runs it every minute). */
    public final Occurrences occurrences;
    public final LateApprovals lateApprovals;
    public final Compose compose;
    public final Overview overview;
    public final Outstanding outstanding;
    public final AccountSuggestions suggestions;
    public final WorkspaceEraser workspaceEraser;
    public final List<WebRoutes> routes;

    public CommandLayer(Config config, Clock clock, Store store, Platforms platforms, Publishing publishing,
                        Overrides overrides) {
        OneTimeLinks links = new OneTimeLinks(store.oauthStates, platforms.providers, config.publicUrl(), clock);
        BlueskyLinker bluesky = new BlueskyLinker(store.accounts, platforms.guard, platforms.bluesky,
                platforms.bluesky.instanceUrl(null), links);
        WebhookLinker webhook = new WebhookLinker(store.accounts, platforms.guard, links);
        AccountCommands accounts = new AccountCommands(store.accounts, List.of(webhook, bluesky,
                new OAuthLinker(links, platforms.providers, platforms.guard)), publishing.revoker, store.targets, store.media,
                platforms.notSetUp, new AccountPolicies(store.sql));
        // owners of personal data outside store and notify: the Slack installations (kept whether or not Slack is on now)
        // and the web calendar's sessions
        // and what this process remembers of people (PeopleInMemory), which front ends add their own memory to
        PeopleInMemory memory = new PeopleInMemory();
        List<PersonalData> frontEndData = List.of(new InstallationData(), new WebSessions(store.sql, clock), memory);
        ForgetMe forgetMe = new ForgetMe(store.sql, store.vault, store.accounts, publishing.revoker, store.audit, clock, frontEndData);
        PrivacyCommands privacy = new PrivacyCommands(forgetMe,
                new DataExport(store.sql, store.vault, store.accounts, store.posts, store.attempts, store.media, clock, frontEndData));
        AccountPolicies policies = new AccountPolicies(store.sql);
        Approvals approvals = new Approvals(store.sql, store.vault);
        ApprovalGate gate = new ApprovalGate(policies, store.accounts);
        AccountPolicyCommand accountPolicy = new AccountPolicyCommand(store.accounts, policies);
        ApprovalRequests requests = new ApprovalRequests(store.outbox, store.media);
        ApprovalView approvalView = new ApprovalView(store.posts, approvals, gate, clock);
        ApprovalCommands decisions = new ApprovalCommands(store.posts, approvals, gate, requests, clock);
        QueueCommands queue = new QueueCommands(store.queueSlots, store.accounts, store.posts, clock);
        PostCommands postCommands = new PostCommands(store.posts, store.accounts, platforms.guard, new MediaIntake(platforms.http),
                store.media, new PostVetting(platforms.providers, publishing.keeper), store.drafts, store.queueSlots, clock,
                new ApprovalStep(gate, requests, approvals, clock));
        ListCommands lists = new ListCommands(store.posts, store.attempts, store.media, store.targetParts, approvalView);
        occurrences = new Occurrences(postCommands, store.series, store.accounts, store.workspaces, store.outbox, clock);
        publishing.makeSeriesPostsWith(occurrences::makeDue);
        lateApprovals = new LateApprovals(store.posts, approvals, gate, store.outbox, clock);
        publishing.remindLateApprovalsWith(lateApprovals::remind);
        // series take schedule every:, and cancel, edit and list of a series; the rest they hand to posts and lists
        SeriesCommands series = new SeriesCommands(postCommands, lists, store.series, occurrences, store.posts, clock);
        List<Handler> real = List.of(accounts, series, without(postCommands, series), queue, new ImportCommands(postCommands,
                        new CsvSource(platforms.http), new CsvExport(store.posts, store.accounts, store.media, clock),
                        (caller, id, checked, message) -> store.outbox.updateOrigin(caller.workspaceId(), caller.user().id(),
                                "import:" + id + ":" + checked, message, caller.invocation().origin())),
                accountPolicy, decisions,
                without(lists, series), new SettingsCommands(store.workspaces, clock),
                new HelpCommand(config.publicUrl() + "/calendar", config.publicUrl() + "/privacy", config.publicUrl() + "/terms", config.contactEmail(), clock), privacy);
        Map<String, Action> actions = new HashMap<>(Map.of(PrivacyCommands.CONFIRM, privacy, BlueskyLinker.ACTION, bluesky,
                QueueCommands.ENQUEUE, queue, PostCommands.POST_DRAFT, (caller, id, values) -> postCommands.postDraft(caller, id),
                PostCommands.SCHEDULE_DRAFT, postCommands::scheduleDraft));
        actions.put(ApprovalRequests.ACTION, decisions);
        actions.put(AccountPolicyCommand.SETTINGS, accountPolicy);
        actions.putAll(overrides.actions());
        commands = new CommandService(store.workspaces, withStandIns(real, overrides.handlers()), actions,
                new Throttle(config.commandRates().perUser(), config.commandRates().perWorkspace(), clock), memory);
        compose = new Compose(commands, store.accounts, platforms.guard, clock);
        overview = new Overview(commands, store.posts, store.accounts, store.queueSlots, approvalView);
        outstanding = new Outstanding(commands, store.posts, clock);
        suggestions = new AccountSuggestions(store.workspaces, store.accounts);
        workspaceEraser = new WorkspaceEraser(store.sql, store.vault, store.accounts, publishing.revoker, store.audit, frontEndData);
        List<WebRoutes> web = new ArrayList<>(List.of(
                new PageConnectRoutes(config.publicUrl(), store.oauthStates, bluesky, webhook, store.outbox, clock),
                new OAuthRoutes(config.publicUrl(), store.oauthStates, platforms.providers, platforms.apps,
                        store.accounts, store.technicalData, store.outbox, clock)));
        // Meta's deauthorize and data-deletion callbacks: the Meta app Facebook and Instagram share, and the Threads app
        Disconnection disconnection = new Disconnection(store.accounts, publishing.revoker, store.targets, store.media);
        for (Platform platform : List.of(Platform.FACEBOOK, Platform.THREADS)) {
            MetaStyleApp.of(platform, config).ifPresent(app -> web.add(new MetaCallbackRoutes(config.publicUrl(), app,
                    store.accounts, disconnection, forgetMe, store.outbox, clock)));
        }
        routes = List.copyOf(web);
    }

    /** {@code handler} serving only what {@code wrapper} does not (the wrapper hands those on to it). */
    private static Handler without(Handler handler, Handler wrapper) {
        EnumSet<Subcommand> rest = EnumSet.noneOf(Subcommand.class);
        rest.addAll(handler.serves());
        rest.removeAll(wrapper.serves());
        return handler.only(rest);
    }

    private static List<Handler> withStandIns(List<Handler> real, List<Handler> standIns) {
        EnumSet<Subcommand> replaced = EnumSet.noneOf(Subcommand.class);
        standIns.forEach(h -> replaced.addAll(h.serves()));
        List<Handler> all = new ArrayList<>(standIns);
        for (Handler handler : real) {
            EnumSet<Subcommand> kept = EnumSet.noneOf(Subcommand.class);
            kept.addAll(handler.serves());
            kept.removeAll(replaced);
            if (!kept.isEmpty()) {
                all.add(kept.size() == handler.serves().size() ? handler : handler.only(kept));
            }
        }
        return all;
    }
}
