package com.ailsocialautomation.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The publishing log. Messages are encrypted, bound to their row. */
public final class Attempts {
    private final Sql sql;
    private final Vault vault;

    public Attempts(Sql sql, Vault vault) {
        this.sql = sql;
        this.vault = vault;
    }

    /** One line of the publishing log, written with the state change it explains (see {@link Targets}). */
    public record Line(Instant startedAt, int durationMs, Integer httpStatus, AttemptOutcome outcome, String message) {}

    public void record(UUID workspaceId, UUID targetId, Line line) {
        insert(sql, vault, workspaceId, targetId, line);
    }

    private static final String NAMES = "id, target_id, workspace_id, started_at, duration_ms, http_status, outcome, message_enc";

    /** A line's insert, as a select of its {@link #COLUMNS} values, for a statement to complete with a condition. */
    static final String INSERT = "insert into publish_attempts (" + NAMES + ")\n"
            + "select ?::uuid, ?::uuid, ?::uuid, ?::timestamptz, ?::int, ?::int, ?::text, ?::bytea";
    static final int COLUMNS = 8;

    /**
     * Many lines as a set of rows named {@code a} with the table's columns (the message in base64), from one text array
     * per column: {@link #columns}. For a statement's {@code with}.
     */
    static final String ROWS = "a as (select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::timestamptz[], ?::int[], ?::int[], "
            + "?::text[], ?::text[]) as a(" + NAMES + "))";

    /** The insert of {@link #ROWS}, for a statement to complete with a condition on {@code a}. */
    static final String INSERT_ROWS = "insert into publish_attempts (" + NAMES + ")\n"
            + "select a.id, a.target_id, a.workspace_id, a.started_at, a.duration_ms, a.http_status, a.outcome, decode(a.message_enc, 'base64') from a";

    /** {@link #ROWS}' parameters for lines given by their {@link #values}: one list per column. */
    static List<List<Object>> columns(List<Object[]> lines) {
        List<List<Object>> columns = new ArrayList<>(COLUMNS);
        for (int c = 0; c < COLUMNS; c++) {
            List<Object> column = new ArrayList<>(lines.size());
            for (Object[] line : lines) {
                column.add(line[c]);
            }
            columns.add(column);
        }
        return columns;
    }

    static void insert(Sql sql, Vault vault, UUID workspaceId, UUID targetId, Line line) {
        sql.update(INSERT, values(vault, workspaceId, targetId, line));
    }

    /** The values of {@link #INSERT}: a new line's id, its row's place, its figures and its encrypted message. */
    static Object[] values(Vault vault, UUID workspaceId, UUID targetId, Line line) {
        UUID id = UUID.randomUUID();
        return new Object[] {id, targetId, workspaceId, line.startedAt(), line.durationMs(), line.httpStatus(),
                line.outcome().text(), line.message() == null ? null
                        : vault.encrypt(line.message(), new Vault.Place("publish_attempts", "message_enc", id, workspaceId))};
    }

    /** Oldest first. A message that cannot be decrypted is shown as such; the rest of the log still reads. */
    public List<Attempt> forTarget(UUID workspaceId, UUID targetId) {
        return sql.list("select * from publish_attempts where workspace_id = ? and target_id = ? order by started_at",
                rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String message;
                    try {
                        message = vault.decrypt(rs.getBytes("message_enc"), new Vault.Place("publish_attempts", "message_enc", id, workspaceId));
                    } catch (VaultError e) {
                        message = "(this log message cannot be decrypted)";
                    }
                    return new Attempt(id, targetId, Sql.instant(rs, "started_at"), rs.getInt("duration_ms"),
                            rs.getObject("http_status", Integer.class), AttemptOutcome.of(rs.getString("outcome")), message);
                }, workspaceId, targetId);
    }
}
