package com.ailsocialautomation.store;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The one way repositories talk JDBC: parameters bound in order, rows mapped by a lambda, and transactions
 * that commit or roll back as a whole. Inside {@link #transaction} every call uses the same connection.
 */
public final class Sql {
    /** Maps the current row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Sql tx) throws SQLException;
    }

    private final DataSource dataSource;
    private final Connection bound;

    public Sql(DataSource dataSource) {
        this(dataSource, null);
    }

    private Sql(DataSource dataSource, Connection bound) {
        this.dataSource = dataSource;
        this.bound = bound;
    }

    public <T> List<T> list(String sql, Row<T> row, Object... params) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        });
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> rows = list(sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public int update(String sql, Object... params) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                return ps.executeUpdate();
            }
        });
    }

    public <T> T transaction(Work<T> work) {
        if (bound != null) {
            try {
                return work.run(this);
            } catch (SQLException e) {
                throw new StoreError(e);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(new Sql(dataSource, c));
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreError(e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    private <T> T withConnection(Work0<T> work) {
        try {
            if (bound != null) {
                return work.run(bound);
            }
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
            }
        } catch (SQLException e) {
            throw new StoreError(e);
        }
    }

    @FunctionalInterface
    private interface Work0<T> {
        T run(Connection c) throws SQLException;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) {
                ps.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (p instanceof List<?> list) {
                Array array = c.createArrayOf("text", list.stream().map(Sql::arrayText).toArray());
                ps.setArray(i + 1, array);
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }

    /**
     * A list's element as the text array it is bound as: null stays null, bytes go in base64 (the statement reads them
     * back with {@code decode(x, 'base64')}), anything else as its text (uuid, int and timestamptz casts read those).
     */
    private static String arrayText(Object v) {
        return v == null ? null : v instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes) : v.toString();
    }

    /** Reads a nullable timestamptz column as an Instant. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }
}
