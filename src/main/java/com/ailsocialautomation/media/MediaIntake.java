package com.ailsocialautomation.media;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.message.MediaInput;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.platform.MediaFacts;
import com.ailsocialautomation.schedule.Echo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Copies the media of a command once, when it is accepted: {@code media:} links and chat files through the guarded
 * client, a console user's local file from disk, each streamed to a private temporary file and stopped at the cap,
 * then inspected and cleaned. Items are numbered links first, then files; {@code alts} apply in that order, and an
 * item's own description fills a place no {@code alt:} was given for.
 */
public final class MediaIntake {
    /** The cap where no targets give one: links of posts accepted before AIL copied media (fetched when due). A new
     * post's cap is the largest its own targets take (PostRules.maxBytes), up to X's 512 MB video. */
    public static final long DEFAULT_CAP = 100L * 1024 * 1024;
    /** How long one item's download may take: 100 MB at about 2 Mbit/s. */
    static final Duration DOWNLOAD_WITHIN = Duration.ofMinutes(7);

    private final GuardedHttp http;

    public MediaIntake(GuardedHttp http) {
        this.http = http;
    }

    /** The copies, to be closed by the caller; nothing is left on disk if any item fails. */
    public Copies copy(List<String> links, List<MediaInput> files, List<String> alts, long cap) {
        Copies copies = new Copies();
        try {
            int position = 0;
            for (String link : links) {
                String alt = alt(alts, position, null);
                Path file = copies.newFile(position);
                try (OutputStream out = Files.newOutputStream(file)) {
                    http.downloadTo(link.strip(), null, out, cap, DOWNLOAD_WITHIN);
                }
                copies.add(finish(file, nameOf(link, position), alt, Origin.LINK, link.strip()));
                position++;
            }
            for (MediaInput input : files) {
                String alt = alt(alts, position, input.altText());
                Path file = copies.newFile(position);
                if (input instanceof MediaInput.ChatFile chat) {
                    try (OutputStream out = Files.newOutputStream(file)) {
                        http.downloadTo(chat.url(), chat.bearer(), out, cap, DOWNLOAD_WITHIN);
                    }
                    copies.add(finish(file, safeName(chat.fileName(), position), alt, Origin.CHAT_FILE, null));
                } else if (input instanceof MediaInput.LocalFile local) {
                    copyLocal(local.path(), file, cap);
                    copies.add(finish(file, safeName(String.valueOf(local.path().getFileName()), position), alt, Origin.LOCAL_FILE, null));
                }
                position++;
            }
            return copies;
        } catch (IOException e) {
            copies.close();
            throw new UncheckedIOException("a media item could not be copied", e);
        } catch (RuntimeException e) {
            copies.close();
            throw e;
        }
    }

    private static Copy finish(Path file, String name, String alt, Origin origin, String sourceUrl) throws IOException {
        MediaFacts facts = Scrubber.scrub(file, Inspector.inspect(file));
        return new Copy(file, name, facts, alt, origin, sourceUrl);
    }

    private static void copyLocal(Path path, Path file, long cap) throws IOException {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new UserError("There is no readable file at " + Echo.of(path.toString()) + "; give the path of an image or video.");
        }
        if (Files.size(path) > cap) {
            throw new UserError(Echo.of(String.valueOf(path.getFileName())) + " is larger than the limit of "
                    + cap / (1 << 20) + " MB; use a smaller file.");
        }
        Files.copy(path, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String alt(List<String> alts, int position, String own) {
        String given = position < alts.size() ? alts.get(position) : null;
        return given != null && !given.isBlank() ? given.strip() : own == null || own.isBlank() ? null : own.strip();
    }

    /** The link's last path segment ("launch.png"), or "media-1" for a link that names no file. */
    static String nameOf(String link, int position) {
        try {
            String path = URI.create(link.strip()).getRawPath();
            if (path != null && !path.isEmpty() && !path.endsWith("/")) {
                return safeName(URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8), position);
            }
        } catch (IllegalArgumentException e) {
            // the guard has accepted it, so this is only a name we cannot read: use the default
        }
        return "media-" + (position + 1);
    }

    /** A name to show people: never a path, no control characters, at most 200 characters. */
    static String safeName(String name, int position) {
        String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
        return base.isEmpty() ? "media-" + (position + 1) : base.length() > 200 ? base.substring(0, 200) : base;
    }
}
