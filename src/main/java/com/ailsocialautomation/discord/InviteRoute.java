package com.ailsocialautomation.discord;

import com.ailsocialautomation.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import net.dv8tion.jda.api.Permission;

import java.util.EnumSet;
import java.util.function.Supplier;

/**
 * {@code GET /discord/invite}: redirects to Discord's page for adding the bot to a server, with the scopes it needs
 * ({@code bot} to be a member that can post in the channel a DM falls back to, {@code applications.commands} for
 * /ail) and only the permissions it uses.
 */
final class InviteRoute implements WebRoutes {
    static final String PATH = "/discord/invite";
    static final EnumSet<Permission> PERMISSIONS = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_SEND_IN_THREADS, Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_ATTACH_FILES);

    private final Supplier<String> applicationId;

    InviteRoute(Supplier<String> applicationId) {
        this.applicationId = applicationId;
    }

    static String url(String applicationId) {
        return "https://discord.com/oauth2/authorize?client_id=" + applicationId
                + "&scope=bot+applications.commands&permissions=" + Permission.getRaw(PERMISSIONS) + "&integration_type=0";
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, ctx -> {
            String id = applicationId.get();
            if (id == null) {
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("The Discord bot is still connecting; try again in a minute.");
            } else {
                ctx.redirect(url(id), HttpStatus.FOUND);
            }
        });
    }
}
