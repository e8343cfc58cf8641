package com.ailsocialautomation.calendar;

import com.ailsocialautomation.command.Calendar;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.web.Html;
import com.ailsocialautomation.web.SecurityHeaders;
import com.ailsocialautomation.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The web calendar: {@code GET /calendar} (the sign-in page, or the calendar of the signed-in person's workspace),
 * the sign-in round trip under {@code /calendar/signin/<slack|discord>}, and the two forms, Move (which runs
 * /ail reschedule through the command layer, with the person's rights) and Sign out, each with the session's CSRF
 * token. Pages are never cached.
 */
public final class CalendarRoutes implements WebRoutes {
    private final String publicUrl;
    private final Map<FrontEnd, SignIn> signIns;
    private final WebSessions sessions;
    private final Seats seats;
    private final Calendar calendar;
    private final CommandService commands;
    private final Cookies cookies;
    private final Assets assets = new Assets();
    private final Clock clock;

    CalendarRoutes(String publicUrl, Map<FrontEnd, SignIn> signIns, WebSessions sessions, Seats seats, Calendar calendar,
                   CommandService commands, Clock clock) {
        this.publicUrl = publicUrl;
        this.signIns = Map.copyOf(signIns);
        this.sessions = sessions;
        this.seats = seats;
        this.calendar = calendar;
        this.commands = commands;
        this.cookies = new Cookies(publicUrl.startsWith("https://"));
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(CalendarPage.SCRIPT, ctx -> assets.serve(ctx, "calendar.js", "text/javascript; charset=utf-8"));
        routes.get(CalendarPage.STYLESHEET, ctx -> assets.serve(ctx, "calendar.css", "text/css; charset=utf-8"));
        routes.get("/calendar", this::calendar);
        routes.get("/calendar/signin/{platform}", this::signIn);
        routes.get("/calendar/signin/{platform}/callback", this::callback);
        routes.post("/calendar/reschedule", this::reschedule);
        routes.post("/calendar/signout", this::signOut);
    }

    private void calendar(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String token = ctx.cookie(Cookies.SESSION);
        List<WebSessions.Seat> mine = sessions.seats(token);
        int w = index(ctx.queryParam("w"), mine.size());
        Optional<Invocation> invocation = mine.isEmpty() ? Optional.empty() : seats.invocation(mine.get(w));
        if (invocation.isEmpty()) {
            ctx.html(signInPage());
            return;
        }
        CalendarView kind = CalendarView.of(ctx.queryParam("view"));
        LocalDate today = calendar.today(invocation.get(), clock);
        LocalDate anchor = date(ctx.queryParam("d"), today);
        Calendar.Span span = calendar.days(invocation.get(), kind.first(anchor), kind.days());
        SecurityHeaders.allowOwnAssets(ctx);
        ctx.html(CalendarPage.html(new CalendarPage.View(mine.stream().map(seats::label).toList(), w, kind, anchor, today,
                span, Cookies.csrf(token), cookies.takeNotice(ctx))));
    }

    private String signInPage() {
        StringBuilder body = new StringBuilder(Html.p("See and move your workspace's scheduled posts. Sign in with the chat "
                + "where you use AIL; you see the workspaces where AIL is installed and you have used /ail."));
        if (signIns.containsKey(FrontEnd.SLACK)) {
            body.append("<p><a href=\"/calendar/signin/slack\">Sign in with Slack</a></p>");
        }
        if (signIns.containsKey(FrontEnd.DISCORD)) {
            body.append("<p><a href=\"/calendar/signin/discord\">Sign in with Discord</a></p>");
        }
        if (signIns.isEmpty()) {
            body.append(Html.p("Sign-in is not set up on this AIL: its operator sets SLACK_CLIENT_ID and SLACK_CLIENT_SECRET, "
                    + "or DISCORD_CLIENT_ID and DISCORD_CLIENT_SECRET."));
        }
        return Html.page("Calendar", body.toString());
    }

    private void signIn(Context ctx) {
        SignIn signIn = signIn(ctx.pathParam("platform"));
        SignInFlow flow = SignInFlow.start();
        cookies.set(ctx, Cookies.FLOW, flow.seed().reveal(), "/calendar/signin", Cookies.FLOW_LIFETIME);
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(signIn.authorizeUrl(flow, redirectUri(signIn)), HttpStatus.FOUND);
    }

    private void callback(Context ctx) {
        SignIn signIn = signIn(ctx.pathParam("platform"));
        SignInFlow flow = SignInFlow.of(ctx.cookie(Cookies.FLOW));
        cookies.clear(ctx, Cookies.FLOW, "/calendar/signin");
        if (ctx.queryParam("error") != null) {
            ctx.html(Html.page("Not signed in", Html.p("The sign-in was not completed. Start again from the calendar: "
                    + publicUrl + "/calendar")));
            return;
        }
        if (flow == null || !flow.stateIs(ctx.queryParam("state")) || ctx.queryParam("code") == null) {
            throw new ForbiddenResponse("This sign-in did not start in this browser (or took longer than 10 minutes), so "
                    + "it was not used. Start again from the calendar's page; your browser must accept cookies from AIL.");
        }
        Identity identity = signIn.identity(ctx.queryParam("code"), flow, redirectUri(signIn));
        List<WebSessions.Seat> found = seats.of(identity);
        if (found.isEmpty()) {
            ctx.html(Html.page("No workspace to show", Html.p("You are signed in to " + signIn.frontEnd().displayName()
                    + ", but AIL knows you in no workspace where it is installed. Use /ail there once, then sign in again.")));
            return;
        }
        cookies.set(ctx, Cookies.SESSION, sessions.open(found).reveal(), "/calendar", WebSessions.LIFETIME);
        ctx.redirect("/calendar", HttpStatus.SEE_OTHER);
    }

    private void reschedule(Context ctx) {
        String token = ctx.cookie(Cookies.SESSION);
        List<WebSessions.Seat> mine = sessions.seats(token);
        if (mine.isEmpty() || !Cookies.csrfHolds(token, ctx.formParam("csrf"))) {
            throw new ForbiddenResponse("This form did not come from your calendar page, or your sign-in ended; nothing was "
                    + "moved. Open the calendar again.");
        }
        String post = ctx.formParam("post");
        String at = ctx.formParam("at");
        Invocation invocation = seats.invocation(mine.get(index(ctx.formParam("w"), mine.size()))).orElseThrow(
                () -> new ForbiddenResponse("That workspace is gone. Open the calendar again."));
        Reply reply = post == null || !post.matches("[a-z0-9]{1,16}") || at == null || at.isBlank()
                ? Reply.of("Choose a post and a new time.")
                : commands.submit(invocation, Calendar.Act.RESCHEDULE.subcommand.word() + ":" + post, Map.of("at", at.replace('T', ' ')));
        cookies.notice(ctx, reply.text());
        String back = ctx.formParam("back");
        ctx.redirect("/calendar" + (back != null && back.matches("w=\\d{1,3}&view=(month|week)&d=\\d{4}-\\d{2}-\\d{2}") ? "?" + back : ""),
                HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        String token = ctx.cookie(Cookies.SESSION);
        if (token != null && !Cookies.csrfHolds(token, ctx.formParam("csrf"))) {
            throw new ForbiddenResponse("This sign-out did not come from your calendar page, so you are still signed in.");
        }
        sessions.close(token);
        cookies.clear(ctx, Cookies.SESSION, "/calendar");
        ctx.redirect("/calendar", HttpStatus.SEE_OTHER);
    }

    private SignIn signIn(String platform) {
        return signIns.values().stream().filter(s -> s.frontEnd().id().equals(platform)).findFirst()
                .orElseThrow(NotFoundResponse::new);
    }

    private String redirectUri(SignIn signIn) {
        return publicUrl + (signIn.frontEnd() == FrontEnd.SLACK ? WebCalendar.SLACK_CALLBACK : WebCalendar.DISCORD_CALLBACK);
    }

    private static int index(String raw, int size) {
        try {
            int i = raw == null ? 0 : Integer.parseInt(raw);
            return i >= 0 && i < size ? i : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static LocalDate date(String raw, LocalDate fallback) {
        try {
            return raw == null ? fallback : LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
