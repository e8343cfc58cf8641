package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.message.MediaInput;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.schedule.Echo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * The bytes of the CSV an import names: a file given in the chat (Slack's form, a Discord attachment), a file of
 * the console's machine, or a {@code csv:} link, fetched through the guarded client as media: links are. Reading
 * stops at {@link CsvPosts#MAX_BYTES}, so an oversized file is refused without being held.
 */
public final class CsvSource {
    /** The key of the option that names the file. */
    public static final String OPTION = "csv";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final GuardedHttp http;

    public CsvSource(GuardedHttp http) {
        this.http = http;
    }

    byte[] bytes(ParsedCommand command) {
        String link = command.option(OPTION);
        List<MediaInput> files = command.files();
        if (files.size() + (link == null ? 0 : 1) > 1) {
            throw new UserError("Give one CSV file to import, not " + (files.size() + (link == null ? 0 : 1)) + ".");
        }
        if (files.isEmpty() && link == null) {
            throw new UserError("Give the CSV file to import: in Slack, /ail import opens a form for it; in Discord, "
                    + "attach it as csv; in the console, csv:./posts.csv; anywhere, csv:<https link>. Its first line is "
                    + "the header " + String.join(",", CsvPosts.COLUMNS) + " (see /ail help import).");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (link != null) {
                http.downloadTo(link.strip(), null, out, CsvPosts.MAX_BYTES + 1L, WITHIN);
            } else if (files.get(0) instanceof MediaInput.ChatFile chat) {
                http.downloadTo(chat.url(), chat.bearer(), out, CsvPosts.MAX_BYTES + 1L, WITHIN);
            } else if (files.get(0) instanceof MediaInput.LocalFile local) {
                if (!Files.isRegularFile(local.path()) || !Files.isReadable(local.path())) {
                    throw new UserError("There is no readable file at " + Echo.of(local.path().toString()) + ".");
                }
                try (InputStream in = Files.newInputStream(local.path())) {
                    out.write(in.readNBytes(CsvPosts.MAX_BYTES + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the CSV could not be read", e);
        }
        return out.toByteArray();
    }
}
