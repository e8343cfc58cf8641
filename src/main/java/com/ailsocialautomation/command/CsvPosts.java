package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.schedule.Echo;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The CSV of {@code /ail import} and {@code /ail export}: a header naming the columns {@code when,to,text,media,alt}
 * (in any order; {@code options} may follow, key:value options as typed after /ail schedule), then one post a row.
 * UTF-8, RFC 4180 quoting, quoted fields may span lines. {@code media} holds links separated by spaces or line
 * breaks; {@code alt} one line per media item, in order. Bounded before anything is looked at: the size, the rows
 * and each field, so a file cannot make the check itself expensive.
 * <p>A spreadsheet runs a cell that starts with {@code = + - @}, a tab or a carriage return as a formula, so
 * {@link #write} prefixes such a cell with {@code '} (and one more {@code '} to a cell that already is quotes before
 * such a character), and {@link #read} removes one leading {@code '} from a cell of that form: what is written reads
 * back as it was.
 */
final class CsvPosts {
    static final List<String> COLUMNS = List.of("when", "to", "text", "media", "alt");
    static final String OPTIONS = "options";
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ROWS = 500;
    static final int MAX_WHEN = 100;
    static final int MAX_TO = 2_000;
    static final int MAX_OPTIONS = 5_000;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** One row: its line in the file (the header is line 1), and its fields as given. */
    record Row(int line, String when, String to, String text, List<String> media, List<String> alts, String options) {
        Row {
            media = List.copyOf(media);
            alts = List.copyOf(alts);
        }
    }

    private CsvPosts() {}

    /** The rows of a file, or a one-line UserError saying what is wrong with the file as a whole. */
    static List<Row> read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new UserError("That file is " + String.format("%,d", bytes.length) + " bytes; an import takes at most "
                    + String.format("%,d", MAX_BYTES) + " (about " + MAX_ROWS + " posts). Split it into smaller files.");
        }
        String text = utf8(bytes);
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            List<CSVRecord> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (records.size() > MAX_ROWS) {
                    throw new UserError("That file has more than " + MAX_ROWS + " posts; an import takes at most "
                            + MAX_ROWS + ". Split it into smaller files.");
                }
                records.add(record);
            }
            if (records.isEmpty()) {
                throw new UserError("That file is empty; its first line is the header " + String.join(",", COLUMNS) + ".");
            }
            List<String> header = header(records.get(0));
            List<Row> rows = new ArrayList<>();
            int line = 1;
            int at = 0;
            for (CSVRecord record : records.subList(1, records.size())) {
                for (long start = record.getCharacterPosition(); at < start && at < text.length(); at++) {
                    line += text.charAt(at) == '\n' ? 1 : 0;
                }
                // the record's position may be that of the empty lines before it
                for (; at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r'); at++) {
                    line += text.charAt(at) == '\n' ? 1 : 0;
                }
                rows.add(row(header, record, line));
            }
            if (rows.isEmpty()) {
                throw new UserError("That file has a header but no posts; add one row per post under it.");
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UserError("That file is not valid CSV (" + Echo.of(String.valueOf(e.getMessage()))
                    + "); check that every quoted field ends with a quote, and write a quote inside one as \"\".");
        }
    }

    /** The rows as a file {@link #read} takes back; {@code options} is written only when some row has options. */
    static byte[] write(List<Row> rows) {
        boolean options = rows.stream().anyMatch(r -> r.options() != null && !r.options().isEmpty());
        List<String> header = new ArrayList<>(COLUMNS);
        if (options) {
            header.add(OPTIONS);
        }
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (Row row : rows) {
                List<String> fields = new ArrayList<>(List.of(row.when(), nonNull(row.to()), nonNull(row.text()),
                        String.join("\n", row.media()), String.join("\n", row.alts())));
                if (options) {
                    fields.add(nonNull(row.options()));
                }
                printer.printRecord(fields.stream().map(CsvPosts::defused).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new UserError("That file holds binary data (a zero byte at byte " + (i + 1) + "), not CSV text; "
                        + "export it from your spreadsheet as CSV UTF-8.");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text; // the byte-order mark spreadsheets write
        } catch (CharacterCodingException e) {
            throw new UserError("That file is not UTF-8 text; export it from your spreadsheet as CSV UTF-8.");
        }
    }

    private static List<String> header(CSVRecord record) {
        List<String> names = record.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
        Set<String> known = new LinkedHashSet<>(COLUMNS);
        known.add(OPTIONS);
        Set<String> seen = new LinkedHashSet<>();
        for (String name : names) {
            if (!known.contains(name)) {
                throw new UserError("The header names an unknown column '" + Echo.of(name) + "'; the first line must be "
                        + String.join(",", COLUMNS) + " (and optionally " + OPTIONS + ").");
            }
            if (!seen.add(name)) {
                throw new UserError("The header names the column " + name + " twice; name each of "
                        + String.join(",", COLUMNS) + " once.");
            }
        }
        List<String> missing = COLUMNS.stream().filter(c -> !seen.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new UserError("The header lacks " + String.join(", ", missing) + "; the first line must be "
                    + String.join(",", COLUMNS) + ".");
        }
        return names;
    }

    private static Row row(List<String> header, CSVRecord record, int line) {
        if (record.size() != header.size()) {
            throw new UserError("Line " + line + " has " + record.size() + " fields, the header " + header.size()
                    + "; quote a field that holds a comma.");
        }
        String when = field(header, record, "when", MAX_WHEN, line);
        String to = field(header, record, "to", MAX_TO, line);
        String text = field(header, record, "text", InputLimits.MAX_CHARACTERS, line);
        String media = field(header, record, "media", MAX_TO, line);
        String alt = field(header, record, "alt", (AltTexts.MAX_CHARACTERS + 1) * Platform.mostMedia(), line);
        String options = header.contains(OPTIONS) ? field(header, record, OPTIONS, MAX_OPTIONS, line) : "";
        List<String> alts = new ArrayList<>(alt.isBlank() ? List.of() : Arrays.asList(alt.split("\\R", -1)));
        while (!alts.isEmpty() && alts.get(alts.size() - 1).isBlank()) {
            alts.remove(alts.size() - 1);
        }
        return new Row(line, when.strip(), to.strip(), text.replace("\r\n", "\n").strip(),
                media.isBlank() ? List.of() : List.of(media.strip().split("\\s+")),
                alts.stream().map(String::strip).toList(), options.strip());
    }

    private static String field(List<String> header, CSVRecord record, String column, int max, int line) {
        String value = record.get(header.indexOf(column));
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new UserError("Line " + line + ": the " + column + " field is " + String.format("%,d", length)
                    + " characters; at most " + String.format("%,d", max) + ".");
        }
        return armed(value);
    }

    /** The cell a spreadsheet shows as text: {@code '} before quotes (none or more) and a formula character. */
    static String defused(String cell) {
        return isFormula(cell, 0) ? "'" + cell : cell;
    }

    /** The inverse of {@link #defused}: one leading {@code '} fewer when the cell is of that form. */
    static String armed(String cell) {
        return cell.startsWith("'") && isFormula(cell, 1) ? cell.substring(1) : cell;
    }

    private static boolean isFormula(String cell, int from) {
        int at = from;
        while (at < cell.length() && cell.charAt(at) == '\'') {
            at++;
        }
        return at < cell.length() && "=+-@\t\r".indexOf(cell.charAt(at)) >= 0;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
