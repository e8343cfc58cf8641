package com.ailsocialautomation.discord;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.command.AccountSuggestions;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * Suggestions while typing (Discord shows at most 25, and an autocomplete cannot be deferred, so it is answered
 * from the executor as soon as the lookup is done): the workspace's accounts for {@code to} and {@code account},
 * IANA zones for {@code zone}, and the words of a closed set Discord does not list as choices (help's subcommands,
 * privacy:, allow:). {@code to} takes a comma list, so only the part after the last comma is completed.
 */
public final class Autocomplete extends ListenerAdapter {
    static final int MAX = 25;
    private static final int CHOICE = 100;
    private static final Logger log = LoggerFactory.getLogger(Autocomplete.class);
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();

    private final AccountSuggestions accounts;
    private final Executor executor;

    Autocomplete(AccountSuggestions accounts, Executor executor) {
        this.accounts = accounts;
        this.executor = executor;
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        String option = event.getFocusedOption().getName();
        String typed = event.getFocusedOption().getValue();
        String workspace = DiscordCallers.workspace(event);
        executor.execute(() -> {
            List<Command.Choice> choices;
            try {
                choices = CommandDefinition.ACCOUNT_OPTIONS.contains(option) ? accounts(workspace, typed, option.equals("to"))
                        : option.equals(CommandDefinition.ZONE) ? zones(typed)
                        : CommandDefinition.values(event.getSubcommandName(), option).map(v -> words(v, typed)).orElse(List.of());
            } catch (RuntimeException e) {
                log.warn("Suggestions for {} failed: {}", option, e.getMessage());
                choices = List.of();
            }
            event.replyChoices(choices).queue(null, e -> log.debug("Suggestions came too late: {}", e.getMessage()));
        });
    }

    private List<Command.Choice> accounts(String workspace, String typed, boolean list) {
        String value = typed == null ? "" : typed;
        int comma = list ? value.lastIndexOf(',') : -1;
        String before = comma < 0 ? "" : value.substring(0, comma + 1);
        List<Command.Choice> choices = new ArrayList<>();
        for (AccountSuggestions.Suggestion s : accounts.suggest(FrontEnd.DISCORD, workspace, value.substring(comma + 1), MAX)) {
            String full = before + s.value();
            if (full.length() <= CHOICE) {
                choices.add(new Command.Choice(Messages.cut(before + s.label(), CHOICE), full));
            }
        }
        return choices;
    }

    /**
     * The words of a closed set that match what is typed; for a comma list (allow:comments,duet) the part after the
     * last comma is completed with the words not yet named.
     */
    static List<Command.Choice> words(CommandDefinition.Values values, String typed) {
        String value = typed == null ? "" : typed.toLowerCase(Locale.ROOT);
        int comma = values.commaList() ? value.lastIndexOf(',') : -1;
        String before = comma < 0 ? "" : value.substring(0, comma + 1);
        List<String> named = List.of(before.split(",")).stream().map(String::strip).toList();
        String needle = value.substring(comma + 1).strip();
        return values.words().stream().filter(w -> w.contains(needle) && !named.contains(w)).limit(MAX)
                .map(w -> new Command.Choice(before + w, before + w)).filter(c -> c.getAsString().length() <= CHOICE).toList();
    }

    static List<Command.Choice> zones(String typed) {
        String needle = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        return ZONES.stream().filter(z -> z.toLowerCase(Locale.ROOT).contains(needle)).limit(MAX)
                .map(z -> new Command.Choice(z, z)).toList();
    }
}
