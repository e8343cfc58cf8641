package com.ailsocialautomation.testing;

import com.ailsocialautomation.store.SecretColumns;
import com.ailsocialautomation.store.Vault;

import com.ailsocialautomation.store.SecretColumns;
import com.ailsocialautomation.store.Vault;

import javax.sql.DataSource;
import java.net.URLEncoder;
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
import java.util.UUID;

/**
 * Searches what PostgreSQL really stores, every column of every row of every table in the public schema, for a
 * string: as text (any case), URL-encoded, JSON-escaped, as its UTF-8 bytes inside a bytea, and as hex, base64 or
 * base64url text. Tests use it to prove that a
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

    /**
     * Like {@link #rowsContaining(DataSource, String)}, and also opens every encrypted column that
     * {@link SecretColumns#ALL} lists with the vault and searches its clear text in any case: an erasure must leave
     * no trace even where only AIL can read. An encrypted hit is named "table.column (decrypted)".
     */
    public static List<String> rowsContaining(DataSource dataSource, Vault vault, String needle) {
        List<String> hits = new ArrayList<>(rowsContaining(dataSource, needle));
        List<String> forms = textForms(needle.getBytes(StandardCharsets.UTF_8));
        try (Connection c = dataSource.getConnection()) {
            for (SecretColumns.Column column : SecretColumns.ALL) {
                String sql = "select id, " + (column.inWorkspace() ? "workspace_id" : "null::uuid") + ", " + column.column()
                        + " from " + column.table() + " where " + column.column() + " is not null";
                try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String clear = vault.decrypt(rs.getBytes(3), column.place(rs.getObject(1), rs.getObject(2, UUID.class)));
                        if (containsAny(clear, forms)) {
                            hits.add(column.table() + "." + column.column() + " (decrypted)");
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return hits;
    }

    /**
     * The needle itself, URL-encoded and JSON-escaped (these compared in any case), its hex (as bytea text shows
     * it), and the base64 and base64url cores of its three alignments (compared exactly: case is their content).
     */
    static List<String> textForms(byte[] bytes) {
        List<String> forms = new ArrayList<>();
        String text = new String(bytes, StandardCharsets.UTF_8);
        forms.add(text.toLowerCase(Locale.ROOT));
        forms.add(HexFormat.of().formatHex(bytes));
        forms.add(URLEncoder.encode(text, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
        forms.add(URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").toLowerCase(Locale.ROOT));
        forms.add(jsonEscaped(text).toLowerCase(Locale.ROOT));
        forms.add(asciiJsonEscaped(text).toLowerCase(Locale.ROOT));
        for (int shift = 0; shift < 3; shift++) {
            byte[] padded = new byte[shift + bytes.length];
            System.arraycopy(bytes, 0, padded, shift, bytes.length);
            String b64 = Base64.getEncoder().withoutPadding().encodeToString(padded);
            // drop the characters that mix in the padding bytes or the unknown byte after the needle
            int from = (shift * 8 + 5) / 6;
            int to = (padded.length * 8) / 6;
            if (to - from >= 8) {
                forms.add(b64.substring(from, to));
                forms.add(b64.substring(from, to).replace('+', '-').replace('/', '_'));
            }
        }
        return forms;
    }

    /** How many of textForms' first forms are compared in any case; the rest (base64) exactly. */
    private static final int CASELESS = 6;

    private static String jsonEscaped(String text) {
        try {
            String quoted = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
            return quoted.substring(1, quoted.length() - 1);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON with every non-ASCII character and every quote or slash written as a backslash-u escape, as some encoders do. */
    private static String asciiJsonEscaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '/' || c == '<' || c == '>' || c == '&'
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    private static boolean containsAny(String haystack, List<String> forms) {
        if (haystack == null) {
            return false;
        }
        String lower = haystack.toLowerCase(Locale.ROOT);
        for (int i = 0; i < forms.size(); i++) {
            if (i < CASELESS ? lower.contains(forms.get(i)) : haystack.contains(forms.get(i))) {
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
