package com.ailsocialautomation.calendar;

import com.ailsocialautomation.command.Calendar;
import com.ailsocialautomation.web.Html;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The calendar as a server-rendered page: a table of weeks (six for a month, one for a week), each day a drop target
 * holding its accounts' queue times (free or taken) and its posts with their time, status and targets. A post the
 * viewer may move carries a small form (a date and time field and a Move button) that works without script; the page's
 * script lets a post be dragged to another day (keeping its time) or onto a free queue time (taking that time), which
 * fills in that form and sends it. Every piece of text is escaped.
 */
final class CalendarPage {
    static final String SCRIPT = "/calendar/calendar.js";
    static final String STYLESHEET = "/calendar/calendar.css";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TITLE = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /** What the page shows: whose workspaces, which one, which view of which dates, and a line from the last action. */
    record View(List<String> workspaces, int workspace, CalendarView kind, LocalDate anchor, LocalDate today,
                Calendar.Span span, String csrf, String notice) {}

    private CalendarPage() {}

    static String html(View v) {
        StringBuilder body = new StringBuilder();
        body.append(nav(v));
        if (v.notice() != null && !v.notice().isBlank()) {
            body.append("<p class=\"notice\" role=\"status\">").append(Html.escape(v.notice())).append("</p>");
        }
        body.append(Html.p("Times in " + v.span().zone().getId() + ". Drag a post to another day, or give it a new time and press Move."));
        body.append("<table class=\"cal\"><thead><tr>");
        for (int i = 0; i < 7; i++) {
            body.append("<th scope=\"col\">").append(Html.escape(v.span().days().get(i).date().getDayOfWeek()
                    .getDisplayName(TextStyle.FULL, Locale.ENGLISH))).append("</th>");
        }
        body.append("</tr></thead><tbody>");
        List<Calendar.Day> days = v.span().days();
        for (int week = 0; week < days.size() / 7; week++) {
            body.append("<tr>");
            for (Calendar.Day day : days.subList(week * 7, week * 7 + 7)) {
                body.append(day(v, day));
            }
            body.append("</tr>");
        }
        body.append("</tbody></table>");
        if (v.span().more() > 0) {
            body.append(Html.p("and " + v.span().more() + " more posts in these days: /ail list shows them."));
        }
        String head = "<link rel=\"stylesheet\" href=\"" + STYLESHEET + "\"><script src=\"" + SCRIPT + "\" defer></script>";
        return Html.page(title(v), body.toString(), head);
    }

    private static String title(View v) {
        return v.kind() == CalendarView.MONTH ? "Calendar: " + TITLE.format(v.anchor())
                : "Calendar: week of " + DAY.format(v.span().days().get(0).date());
    }

    private static String nav(View v) {
        StringBuilder nav = new StringBuilder("<nav class=\"cal-nav\">");
        if (v.workspaces().size() > 1) {
            for (int i = 0; i < v.workspaces().size(); i++) {
                nav.append(i == v.workspace() ? "<strong>" + Html.escape(v.workspaces().get(i)) + "</strong>"
                        : link(i, v.kind(), v.anchor(), v.workspaces().get(i))).append(" · ");
            }
        } else {
            nav.append("<strong>").append(Html.escape(v.workspaces().get(0))).append("</strong> · ");
        }
        LocalDate previous = v.kind() == CalendarView.MONTH ? v.anchor().minusMonths(1) : v.anchor().minusWeeks(1);
        LocalDate next = v.kind() == CalendarView.MONTH ? v.anchor().plusMonths(1) : v.anchor().plusWeeks(1);
        nav.append(link(v.workspace(), CalendarView.MONTH, v.anchor(), "Month")).append(" · ")
                .append(link(v.workspace(), CalendarView.WEEK, v.anchor(), "Week")).append(" · ")
                .append(link(v.workspace(), v.kind(), previous, "Previous")).append(" · ")
                .append(link(v.workspace(), v.kind(), v.today(), "Today")).append(" · ")
                .append(link(v.workspace(), v.kind(), next, "Next"))
                .append("<form method=\"post\" action=\"/calendar/signout\" class=\"signout\">").append(csrf(v))
                .append("<button type=\"submit\">Sign out</button></form></nav>");
        return nav.toString();
    }

    static String query(int workspace, CalendarView kind, LocalDate anchor) {
        return "w=" + workspace + "&view=" + kind.word() + "&d=" + anchor;
    }

    private static String link(int workspace, CalendarView kind, LocalDate anchor, String label) {
        return "<a href=\"/calendar?" + Html.escape(query(workspace, kind, anchor)) + "\">" + Html.escape(label) + "</a>";
    }

    private static String day(View v, Calendar.Day day) {
        String classes = "day" + (day.date().equals(v.today()) ? " today" : "")
                + (v.kind() == CalendarView.MONTH && day.date().getMonth() != v.anchor().getMonth() ? " other" : "");
        StringBuilder td = new StringBuilder("<td class=\"" + classes + "\" data-date=\"" + day.date() + "\">");
        td.append("<div class=\"date\">").append(Html.escape(DAY.format(day.date()))).append("</div>");
        for (Calendar.Slot slot : day.slots()) {
            td.append(slot(slot));
        }
        for (Calendar.Entry e : day.entries()) {
            td.append(post(v, e));
        }
        return td.append("</td>").toString();
    }

    /** A queue time: free ones take a dropped post at their time, taken ones name the post. */
    private static String slot(Calendar.Slot slot) {
        boolean free = slot.takenBy() == null;
        return "<div class=\"slot " + (free ? "free" : "taken") + "\"" + (free ? " data-slot-at=\"" + LOCAL.format(slot.local()) + "\"" : "")
                + "><time datetime=\"" + LOCAL.format(slot.local()) + "\">" + TIME.format(slot.local()) + "</time> queue · "
                + Html.escape(slot.account()) + ": " + (free ? "free" : "taken by " + Html.escape(slot.takenBy())) + "</div>";
    }

    private static String post(View v, Calendar.Entry e) {
        boolean movable = e.acts().contains(Calendar.Act.RESCHEDULE);
        String id = Html.escape(e.shortId());
        StringBuilder p = new StringBuilder("<article class=\"post " + Html.escape(e.status()) + "\" id=\"post-" + id
                + "\" data-post=\"" + id + "\"" + (movable ? " draggable=\"true\"" : "") + ">");
        p.append("<p><time datetime=\"").append(LOCAL.format(e.local())).append("\">").append(TIME.format(e.local()))
                .append("</time> <b>").append(id).append("</b> · <span class=\"status\">").append(Html.escape(e.status()))
                .append("</span>").append(e.author() == null ? "" : " · by " + Html.escape(e.author())).append("</p>");
        p.append("<ul class=\"targets\">").append(e.targets().stream().map(t -> "<li>" + Html.escape(t.platform() + " "
                + t.account()) + ": <span class=\"state\">" + Html.escape(t.state()) + "</span></li>").collect(Collectors.joining()))
                .append("</ul>");
        p.append("<p class=\"text\">“").append(Html.escape(e.snippet())).append("”</p>");
        if (movable) {
            p.append("<form method=\"post\" action=\"/calendar/reschedule\" class=\"move\" id=\"move-").append(id).append("\">")
                    .append(csrf(v))
                    .append("<input type=\"hidden\" name=\"w\" value=\"").append(v.workspace()).append("\">")
                    .append("<input type=\"hidden\" name=\"back\" value=\"")
                    .append(Html.escape(query(v.workspace(), v.kind(), v.anchor()))).append("\">")
                    .append("<input type=\"hidden\" name=\"post\" value=\"").append(id).append("\">")
                    .append("<label>New time <input type=\"datetime-local\" name=\"at\" required value=\"")
                    .append(LOCAL.format(e.local())).append("\"></label> <button type=\"submit\">Move</button></form>");
        }
        return p.append("</article>").toString();
    }

    private static String csrf(View v) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(v.csrf()) + "\">";
    }
}
