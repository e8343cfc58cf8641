package com.ailsocialautomation.calendar;

import com.ailsocialautomation.command.Calendar;

import java.time.LocalDate;
import java.util.Locale;

/** The web calendar's views: a month as six weeks from the Monday on or before its first day, or one week. */
enum CalendarView {
    MONTH, WEEK;

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The view a query names; a month when it names none or something else. */
    static CalendarView of(String word) {
        return "week".equals(word) ? WEEK : MONTH;
    }

    LocalDate first(LocalDate anchor) {
        return this == MONTH ? Calendar.weekOf(anchor.withDayOfMonth(1)) : Calendar.weekOf(anchor);
    }

    int days() {
        return this == MONTH ? 42 : 7;
    }
}
