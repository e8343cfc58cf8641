package com.ailsocialautomation.testing;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Searches what PostgreSQL really stores, every column of every row of every table in the public schema, for a
 * string: as text, as its UTF-8 bytes inside a bytea, and as hex or base64 text. Tests use it to prove that a
 * secret or a piece of personal data is not kept in clear:
 * <pre>assertEquals(List.of(), RawTables.rowsContaining(pg.dataSource(), "xoxb-known-token"));</pre>
 */
public final class RawTables {
    private RawTables() {}

    /** The tables searched: every base table in the public schema, found in information_schema, not listed by hand. */
    public static List<String> tables(DataSource dataSource) {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select table_name from information_schema.tables "
                     + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    /** Where {@code needle} was found, as "table.column" once per matching row; empty when it is nowhere. */
    public static List<String> rowsContaining(DataSource dataSource, String needle) {
        byte[] bytes = needle.getBytes(StandardCharsets.UTF_8);
        List<String> forms = textForms(bytes);
        List<String> hits = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : tables(dataSource)) {
                try (PreparedStatement ps = c.prepareStatement("select * from \"" + table + "\"");
                     ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            boolean binary = "bytea".equals(meta.getColumnTypeName(i));
                            if (binary ? contains(rs.getBytes(i), bytes) || containsAny(rs.getString(i), forms)
                                    : containsAny(rs.getString(i), forms)) {
                                hits.add(table + "." + meta.getColumnName(i));
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return hits;
    }

    /** The needle itself, its hex (as bytea text shows it), and the base64 cores of its three alignments. */
    private static List<String> textForms(byte[] bytes) {
        List<String> forms = new ArrayList<>();
        forms.add(new String(bytes, StandardCharsets.UTF_8));
        forms.add(HexFormat.of().formatHex(bytes));
        for (int shift = 0; shift < 3; shift++) {
            byte[] padded = new byte[shift + bytes.length];
            System.arraycopy(bytes, 0, padded, shift, bytes.length);
            String b64 = Base64.getEncoder().withoutPadding().encodeToString(padded);
            // drop the characters that mix in the padding bytes or the unknown byte after the needle
            int from = (shift * 8 + 5) / 6;
            int to = (padded.length * 8) / 6;
            if (to - from >= 8) {
                forms.add(b64.substring(from, to));
            }
        }
        return forms;
    }

    private static boolean containsAny(String haystack, List<String> forms) {
        if (haystack == null) {
            return false;
        }
        String lower = haystack.toLowerCase(Locale.ROOT);
        for (int i = 0; i < forms.size(); i++) {
            // hex is case-insensitive; text and base64 are not
            if (i == 1 ? lower.contains(forms.get(i)) : haystack.contains(forms.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        if (haystack == null || needle.length == 0) {
            return false;
        }
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
