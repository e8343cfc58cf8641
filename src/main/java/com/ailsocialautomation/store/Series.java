package com.ailsocialautomation.store;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Recurring posts (table post_series) and which posts are their occurrences (posts.series_id). */
public final class Series {
    private final Sql sql;
    private final Vault vault;

    public Series(Sql sql, Vault vault) {
        this.sql = sql;
        this.vault = vault;
    }

    /** Stores a new active series whose first occurrence is due at {@code firstAt}; returns it. */
    public PostSeries create(UUID workspaceId, UUID authorId, Set<DayOfWeek> days, LocalTime time, ZoneId zone, Instant until,
                             Integer maxTimes, List<String> texts, Map<String, List<String>> options, Instant firstAt) {
        UUID id = UUID.randomUUID();
        for (int attempt = 0; ; attempt++) {
            int inserted = sql.update("""
                    insert into post_series (id, workspace_id, short_id, author_user_id, weekdays, time_of_day, time_zone,
                    until_at, max_times, next_at, state, texts_enc, options_enc)
                    values (?, ?, ?, ?, ?::smallint[], ?, ?, ?, ?, ?, ?, ?, ?) on conflict (workspace_id, short_id) do nothing""",
                    id, workspaceId, ShortIds.next('s'), authorId, days.stream().map(d -> String.valueOf(d.getValue())).toList(),
                    time, zone.getId(), until, maxTimes, firstAt, SeriesState.ACTIVE.text(),
                    vault.encrypt(json(texts), place(id, workspaceId, "texts_enc")),
                    vault.encrypt(json(options), place(id, workspaceId, "options_enc")));
            if (inserted == 1) {
                return find(workspaceId, id).orElseThrow();
            }
            if (attempt > 20) {
                throw new IllegalStateException("no free short id for a series");
            }
        }
    }

    public Optional<PostSeries> find(UUID workspaceId, String shortId) {
        return sql.one("select * from post_series where workspace_id = ? and short_id = ?", this::series,
                workspaceId, shortId.strip().toLowerCase(java.util.Locale.ROOT));
    }

    public Optional<PostSeries> find(UUID workspaceId, UUID id) {
        return sql.one("select * from post_series where workspace_id = ? and id = ?", this::series, workspaceId, id);
    }

    /** The workspace's active series, the soonest first. */
    public List<PostSeries> active(UUID workspaceId) {
        return sql.list("select * from post_series where workspace_id = ? and state = 'active' order by next_at",
                this::series, workspaceId);
    }

    /** Active series in every workspace whose last occurrence's time has come (or that have none yet): the next is due. */
    public List<PostSeries> ready(Instant now) {
        // a series younger than a minute without a post is still making its first one in the command that created it
        return sql.list("""
                select * from post_series where state = 'active' and (last_at is null or last_at <= ?)
                and (made > 0 or created_at < ?) order by next_at""", this::series, now, now.minusSeconds(60));
    }

    /**
     * Inside the transaction that creates occurrence number {@code made} at {@code at}: marks the post as the series'
     * and moves the series on to {@code next} (null: it has ended). False when another run made it first.
     */
    public static boolean advance(Sql tx, PostSeries s, UUID postId, Instant at, Instant next) {
        int moved = tx.update("""
                update post_series set made = made + 1, last_at = ?, next_at = ?, state = ?, updated_at = now()
                where workspace_id = ? and id = ? and made = ? and state = 'active'""",
                at, next, next == null ? SeriesState.ENDED.text() : SeriesState.ACTIVE.text(), s.workspaceId(), s.id(), s.made());
        tx.update("update posts set series_id = ? where workspace_id = ? and id = ?", s.id(), s.workspaceId(), postId);
        return moved == 1;
    }

    /** Ends a series that cannot go on (its account is gone, say); false when it was no longer active. */
    public boolean end(UUID workspaceId, UUID id) {
        return sql.update("update post_series set state = 'ended', next_at = null, updated_at = now() where workspace_id = ? "
                + "and id = ? and state = 'active'", workspaceId, id) == 1;
    }

    /** Deletes a series whose first post was refused: it never existed for anyone. */
    public void delete(UUID workspaceId, UUID id) {
        sql.update("delete from post_series where workspace_id = ? and id = ?", workspaceId, id);
    }

    /** Stops making occurrences; false when it had already ended or been cancelled. */
    public boolean cancel(UUID workspaceId, UUID id) {
        return sql.update("update post_series set state = 'cancelled', next_at = null, updated_at = now() where workspace_id = ? "
                + "and id = ? and state = 'active'", workspaceId, id) == 1;
    }

    /** Replaces the texts and options future occurrences are made with. */
    public void edit(UUID workspaceId, UUID id, List<String> texts, Map<String, List<String>> options) {
        sql.update("update post_series set texts_enc = ?, options_enc = ?, updated_at = now() where workspace_id = ? and id = ?",
                vault.encrypt(json(texts), place(id, workspaceId, "texts_enc")),
                vault.encrypt(json(options), place(id, workspaceId, "options_enc")), workspaceId, id);
    }

    /** The short ids of the series' occurrences whose every target is still scheduled (not yet started). */
    public List<String> pending(UUID workspaceId, UUID id) {
        return sql.list("""
                select p.short_id from posts p where p.workspace_id = ? and p.series_id = ?
                and not exists (select 1 from post_targets t where t.post_id = p.id and t.state <> 'scheduled')
                order by p.scheduled_at""", rs -> rs.getString(1), workspaceId, id);
    }

    /** One post a series made: its short id, its time, and whether it is still waiting, in the targets' words. */
    public record Occurrence(String shortId, Instant at, List<String> states) {}

    /** The posts the series made, the latest first, at most {@code limit}. */
    public List<Occurrence> occurrences(UUID workspaceId, UUID id, int limit) {
        return sql.list("""
                select p.short_id, p.scheduled_at, array(select distinct t.state from post_targets t where t.post_id = p.id
                order by t.state) as states from posts p where p.workspace_id = ? and p.series_id = ?
                order by p.scheduled_at desc limit ?""",
                rs -> new Occurrence(rs.getString(1), Sql.instant(rs, "scheduled_at"),
                        Sql.strings(rs, "states").stream().map(st -> TargetState.of(st).text()).toList()),
                workspaceId, id, limit);
    }

    /** The person's series, oldest first (my-data). */
    public List<PostSeries> authoredBy(UUID workspaceId, UUID userId) {
        return sql.list("select * from post_series where workspace_id = ? and author_user_id = ? order by created_at",
                this::series, workspaceId, userId);
    }

    private PostSeries series(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID ws = rs.getObject("workspace_id", UUID.class);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream((Short[]) rs.getArray("weekdays").getArray()).forEach(d -> days.add(DayOfWeek.of(d)));
        Object max = rs.getObject("max_times");
        try {
            return new PostSeries(id, ws, rs.getString("short_id"), rs.getObject("author_user_id", UUID.class), days,
                    rs.getObject("time_of_day", LocalTime.class), ZoneId.of(rs.getString("time_zone")), Sql.instant(rs, "until_at"),
                    max == null ? null : ((Number) max).intValue(), rs.getInt("made"), Sql.instant(rs, "last_at"),
                    Sql.instant(rs, "next_at"), SeriesState.of(rs.getString("state")),
                    Json.MAPPER.readValue(vault.decrypt(rs.getBytes("texts_enc"), place(id, ws, "texts_enc")), new TypeReference<List<String>>() {}),
                    Json.MAPPER.readValue(vault.decrypt(rs.getBytes("options_enc"), place(id, ws, "options_enc")),
                            new TypeReference<Map<String, List<String>>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a series' stored texts or options are not readable JSON", e);
        }
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Vault.Place place(UUID id, UUID workspaceId, String column) {
        return new Vault.Place("post_series", column, id, workspaceId);
    }
}
