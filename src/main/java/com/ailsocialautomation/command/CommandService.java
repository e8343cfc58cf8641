package com.ailsocialautomation.command;

import com.ailsocialautomation.message.Unexpected;
import com.ailsocialautomation.message.Reply;

import com.ailsocialautomation.LogContext;
import com.ailsocialautomation.UserError;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.VaultError;
import com.ailsocialautomation.store.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;

/**
 * The entry point of the command layer for every front end: parses, resolves the caller, routes to the handler,
 * and is the one place where exceptions become replies. A {@link UserError} is shown as is; anything else is
 * logged with an id the reply quotes.
 */
public final class CommandService {
    private static final Logger log = LoggerFactory.getLogger(CommandService.class);

    /** The input of a form that holds a subcommand's text. */
    public static final String TEXT = "text";

    private final Workspaces workspaces;
    private final Map<Subcommand, Handler> handlers;
    private final Map<String, Action> actions;
    private final Throttle throttle;
    /**
     * The people this process has resolved ({@link #caller}): their workspace and person rows exist (created on first
     * use, which the web calendar's sign-in relies on), so an answer from memory needs no database for them. Erased
     * with them.
     */
    private final PeopleInMemory recorded;

    /**
     * {@code handlers} together serve every subcommand, each exactly once (checked here, so a gap is found when the
     * service is wired, not when a person types the command); {@code actions} maps the names of button and form
     * actions that are not subcommands (e.g. confirming forget-me) to what they do; {@code throttle} bounds how
     * many commands, presses and forms each person and workspace may send.
     */
    public CommandService(Workspaces workspaces, List<Handler> handlers, Map<String, Action> actions,
                          Throttle throttle) {
        this(workspaces, handlers, actions, throttle, new PeopleInMemory());
    }

    /** What this process remembers of people; a front end adds its own memory of them, so erasure reaches it. */
    public PeopleInMemory peopleInMemory() {
        return recorded;
    }

    /** The same, remembering people in {@code memory}, which the erasure reaches (forget-me, workspace removal). */
    public CommandService(Workspaces workspaces, List<Handler> handlers, Map<String, Action> actions,
                          Throttle throttle, PeopleInMemory memory) {
        this.recorded = memory;
        this.workspaces = workspaces;
        this.throttle = throttle;
        Map<Subcommand, Handler> bySubcommand = new EnumMap<>(Subcommand.class);
        for (Handler handler : handlers) {
            for (Subcommand served : handler.serves()) {
                if (bySubcommand.put(served, handler) != null) {
                    throw new IllegalArgumentException("two handlers serve " + served);
                }
            }
        }
        EnumSet<Subcommand> missing = EnumSet.allOf(Subcommand.class);
        missing.removeAll(bySubcommand.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no handler serves " + missing);
        }
        this.handlers = bySubcommand;
        this.actions = Map.copyOf(actions);
    }

    /** Runs a text command (what follows /ail). */
    public Reply run(Invocation invocation, String line) {
        return guarded(invocation, () -> execute(invocation, CommandParser.parse(line)));
    }

    /** Runs a command already parsed (Discord's native options, buttons). */
    public Reply run(Invocation invocation, ParsedCommand command) {
        return guarded(invocation, () -> execute(invocation, command));
    }

    /**
     * A button was pressed. Its action id is {@code name:arg}: a subcommand taking one argument
     * ({@code retry:p7k2q}, {@code cancel:p7k2q}) runs as that command, with the same rights checks;
     * any other name must be a registered action.
     */
    public Reply press(Invocation invocation, String actionId) {
        return submit(invocation, actionId, Map.of());
    }

    /**
     * A form was submitted (or a button pressed) with {@code values} by input id. A form whose action names a
     * subcommand and its argument ({@code reschedule:p7k2q}) runs that command with the values as its options
     * ({@code at}) and the value of {@link #TEXT} as its text, with the command's own grammar and rights checks.
     */
    public Reply submit(Invocation invocation, String actionId, Map<String, String> values) {
        return guarded(invocation, () -> {
            int colon = actionId.indexOf(':');
            String name = colon < 0 ? actionId : actionId.substring(0, colon);
            String arg = colon < 0 ? null : actionId.substring(colon + 1);
            Action action = actions.get(name);
            if (action != null) {
                return action.perform(callerInContext(invocation), arg, values);
            }
            if (Commands.find(name).isPresent() && arg != null) {
                return execute(invocation, CommandParser.fromOptions(name, List.of(arg), options(values), values.get(TEXT)));
            }
            throw new UserError("This button is no longer valid. `/ail help` lists what you can do.");
        });
    }

    /** A form's values as a subcommand's options (each by its name, as typed after it), but for its {@link #TEXT}. */
    private static Map<String, List<String>> options(Map<String, String> values) {
        Map<String, List<String>> options = new java.util.LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!TEXT.equals(key) && value != null && !value.isBlank()) {
                options.put(key, List.of(value.strip()));
            }
        });
        return options;
    }

    /**
     * The answer when {@code command} needs nothing stored ({@link Handler#fromMemory}) and this process has already
     * resolved {@code invocation}'s person, throttled like any command; else null. A front end gives it at once, on
     * the request's own thread, without asking its chat platform about the person (the invocation's admin and zone
     * are not used) and without the database.
     */
    public Reply fromMemory(Invocation invocation, ParsedCommand command) {
        Handler handler = handlers.get(command.subcommand());
        if (!recorded.recorded(invocation) || handler.fromMemory(command) == null) {
            return null;
        }
        return guarded(invocation, () -> handler.fromMemory(command));
    }

    private Reply execute(Invocation invocation, ParsedCommand command) {
        Handler handler = handlers.get(command.subcommand());
        Reply known = recorded.recorded(invocation) ? handler.fromMemory(command) : null;
        return known != null ? known : handler.handle(callerInContext(invocation), command);
    }

    /** The caller, with its workspace in the log context until the command's context closes. */
    private Caller callerInContext(Invocation invocation) {
        Caller caller = caller(invocation);
        org.slf4j.MDC.put(LogContext.WORKSPACE, caller.workspaceId().toString());
        return caller;
    }

    /** Resolves the chat identity to our ids, creating the workspace and user on first use. */
    public Caller caller(Invocation invocation) {
        ChatUser user = workspaces.caller(invocation.frontEnd(), invocation.workspaceId(), invocation.userId(), invocation.displayName(),
                invocation.adminKnown() ? invocation.admin() : null);
        UUID workspaceId = user.workspaceId();
        recorded.record(invocation);
        ZoneId zone = user.zone() != null ? user.zone()
                : invocation.defaultZone() != null ? invocation.defaultZone() : ZoneOffset.UTC;
        return new Caller(invocation, workspaceId, user, zone);
    }

    /**
     * Runs a command with a request id in the log context (the workspace id joins it once the caller is known),
     * after the throttle lets it through.
     */
    private Reply guarded(Invocation invocation, java.util.function.Supplier<Reply> work) {
        try (LogContext context = LogContext.open().withRequestId().reserving(LogContext.WORKSPACE)) {
            return answer(() -> {
                throttle.take(invocation);
                return work.get();
            });
        }
    }

    private static Reply answer(java.util.function.Supplier<Reply> work) {
        try {
            return work.get();
        } catch (UserError e) {
            return Reply.of(e.getMessage());
        } catch (VaultError e) {
            String id = Unexpected.id();
            log.error("A stored secret could not be opened (error id {}): {}", id, e.getMessage());
            return Reply.of("A stored secret for this could not be decrypted (error id " + id + "); reconnecting the account usually fixes it.");
        } catch (RuntimeException e) {
            return Unexpected.reply(log, "A command failed", e);
        }
    }
}
