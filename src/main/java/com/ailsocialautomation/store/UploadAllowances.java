package com.ailsocialautomation.store;

import com.ailsocialautomation.message.PlatformId;

import java.time.LocalDate;

/**
 * How much of a platform's daily upload allowance the operator's project has used, per platform day. Taking one is a
 * single statement, so instances sharing the database never both take the last upload of a day. Old days are
 * dropped as new ones are taken.
 */
public final class UploadAllowances {
    /** Days kept after they end, for an operator who looks at the table. */
    private static final int KEEP_DAYS = 7;

    private final Sql sql;

    public UploadAllowances(Sql sql) {
        this.sql = sql;
    }

    /** Takes one upload of {@code day} if fewer than {@code perDay} were taken; false when the day is used up. */
    public boolean take(PlatformId platform, String project, LocalDate day, int perDay) {
        sql.update("delete from upload_allowance_use where platform = ? and project = ? and day < ?",
                platform.id(), project, day.minusDays(KEEP_DAYS));
        return sql.one("""
                insert into upload_allowance_use as u (platform, project, day, used) values (?, ?, ?, 1)
                on conflict (platform, project, day) do update set used = u.used + 1 where u.used < ?
                returning used""", rs -> rs.getInt(1), platform.id(), project, day, perDay).isPresent();
    }

    /** The platform said the day is used up (another program shares the project): nothing more is taken that day. */
    public void useUp(PlatformId platform, String project, LocalDate day, int perDay) {
        sql.update("""
                insert into upload_allowance_use as u (platform, project, day, used) values (?, ?, ?, ?)
                on conflict (platform, project, day) do update set used = greatest(u.used, excluded.used)""",
                platform.id(), project, day, perDay);
    }

    /** Uploads taken on {@code day}. */
    public int used(PlatformId platform, String project, LocalDate day) {
        return sql.one("select used from upload_allowance_use where platform = ? and project = ? and day = ?",
                rs -> rs.getInt(1), platform.id(), project, day).orElse(0);
    }
}
