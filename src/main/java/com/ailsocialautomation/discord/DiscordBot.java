package com.ailsocialautomation.discord;

import com.ailsocialautomation.command.WorkspaceRemoval;
import com.ailsocialautomation.command.AccountSuggestions;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.config.ConfigError;
import com.ailsocialautomation.notify.Notifier;
import com.ailsocialautomation.web.WebRoutes;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Discord bot: JDA shards (DISCORD_SHARDS / DISCORD_SHARD_IDS split them across instances), our listeners,
 * the DM notifier and the invite route. Slash commands, modals, autocomplete and DMs need no gateway intent, so none
 * is asked for; JDA always adds GUILDS (not privileged), which brings the guild leave events that erase a removed
 * guild's data and the channel cache a blocked DM falls back to. No MESSAGE_CONTENT, no members, no presences.
 */
public final class DiscordBot implements AutoCloseable {
    static final EnumSet<GatewayIntent> INTENTS = EnumSet.noneOf(GatewayIntent.class);
    private static final int WORKERS = 8;

    private final ShardManager shards;
    private final ExecutorService executor;
    private final DiscordNotifier notifier;

    private DiscordBot(ShardManager shards, ExecutorService executor, Messages messages, Clock clock) {
        this.shards = shards;
        this.executor = executor;
        this.notifier = new DiscordNotifier(shards, messages, clock);
    }

    /** Logs in (a refused DISCORD_BOT_TOKEN stops start-up) and connects the shards in the background. */
    public static DiscordBot start(Config.Discord config, CommandService commands, AccountSuggestions suggestions,
                                   WorkspaceRemoval removal, Clock clock) {
        List<Integer> shardIds = ShardIds.parse(config.shardIds(), config.shards());
        ExecutorService executor = Executors.newFixedThreadPool(WORKERS, daemonThreads());
        ComponentIds ids = new ComponentIds(clock);
        Messages messages = new Messages(ids);
        Deferred deferred = new Deferred(executor, messages);
        Modals modals = new Modals(ids);
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(config.botToken().reveal(), INTENTS)
                .addEventListeners(new SlashCommands(commands, deferred, modals),
                        new Buttons(commands, ids, deferred, modals),
                        new ModalSubmissions(commands, ids, deferred),
                        new MessageCommand(modals),
                        new Autocomplete(suggestions, executor),
                        new GuildRemoval(removal, executor),
                        new Registration(config.guildId()))
                .setEnableShutdownHook(false);
        if (config.shards() != null) {
            builder.setShardsTotal(config.shards());
        }
        if (!shardIds.isEmpty()) {
            builder.setShards(shardIds);
        }
        if (config.apiUrl() != null) {
            String base = config.apiUrl().endsWith("/") ? config.apiUrl() : config.apiUrl() + "/";
            builder.setRestConfig(new RestConfig().setBaseUrl(base)).setSessionController(new ApiGateway(base));
        }
        try {
            return new DiscordBot(builder.build(), executor, messages, clock);
        } catch (InvalidTokenException e) {
            executor.shutdownNow();
            throw new ConfigError("DISCORD_BOT_TOKEN", "was refused by Discord: copy the bot token from the Bot page of "
                    + "the application in the Discord developer portal");
        } catch (RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
    }

    public Notifier notifier() {
        return notifier;
    }

    public WebRoutes routes() {
        return new InviteRoute(this::applicationId);
    }

    /** The application id (for the invite link) once a shard has logged in, else null. */
    String applicationId() {
        for (JDA jda : shards.getShardCache()) {
            try {
                return jda.getSelfUser().getApplicationId();
            } catch (IllegalStateException notLoggedInYet) {
                // try the next shard
            }
        }
        return null;
    }

    ShardManager shards() {
        return shards;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ail-discord-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() throws InterruptedException {
        shards.shutdown();
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
