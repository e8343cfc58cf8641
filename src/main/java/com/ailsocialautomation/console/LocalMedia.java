package com.ailsocialautomation.console;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.command.CommandSpec;
import com.ailsocialautomation.command.Commands;
import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.message.MediaInput;
import com.ailsocialautomation.schedule.Echo;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code media:} in the console also takes a file on this machine: a path ({@code media:./launch.png},
 * {@code media:~/Pictures/a.jpg}, {@code media:"/tmp/my photo.jpg"}, relative to the directory the console runs in)
 * or a {@code file:} URL. Such a file becomes a {@link MediaInput.LocalFile}, which the command layer copies when it
 * accepts the command; like a chat's files it counts after the media: links for the order of {@code alt:}.
 */
final class LocalMedia {
    /** scheme:// of a web (or other) link, which stays a link for the URL guard to judge. */
    private static final Pattern LINK = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

    private LocalMedia() {}

    /** Every option of the command that takes files (media:, import's csv:) may name them by path. */
    static ParsedCommand attach(ParsedCommand command, Path workingDirectory) {
        ParsedCommand out = command;
        for (CommandSpec.Option option : Commands.get(command.name()).options()) {
            if (option.files()) {
                out = attach(out, option.key(), workingDirectory);
            }
        }
        return out;
    }

    private static ParsedCommand attach(ParsedCommand command, String key, Path workingDirectory) {
        List<String> links = new ArrayList<>();
        List<MediaInput> files = new ArrayList<>(command.files());
        for (String value : command.options(key)) {
            if (isLocal(value)) {
                files.add(new MediaInput.LocalFile(file(key, value, workingDirectory), null));
            } else {
                links.add(value);
            }
        }
        if (files.size() == command.files().size()) {
            return command;
        }
        Map<String, List<String>> options = new LinkedHashMap<>(command.options());
        options.remove(key);
        if (!links.isEmpty()) {
            options.put(key, links);
        }
        return new ParsedCommand(command.name(), command.args(), options, command.text(), files);
    }

    private static Path file(String key, String value, Path workingDirectory) {
        Path path;
        try {
            if (value.regionMatches(true, 0, "file:", 0, 5)) {
                path = Path.of(URI.create(value));
            } else if (value.equals("~") || value.startsWith("~/")) {
                path = Path.of(System.getProperty("user.home")).resolve(value.substring(Math.min(2, value.length())));
            } else {
                path = workingDirectory.resolve(value);
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(key + ":" + Echo.of(value) + " is neither a web link nor a file path: give https://... "
                    + "or a path such as ./photo.jpg.");
        }
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute) || !Files.isReadable(absolute)) {
            throw new UserError(key + ":" + Echo.of(value) + ": there is no readable file at " + absolute
                    + (Files.isDirectory(absolute) ? " (it is a folder)" : "") + "; check the path (relative paths start "
                    + "in " + workingDirectory.toAbsolutePath().normalize() + ").");
        }
        return absolute;
    }

    /** A file: URL or anything without scheme:// reads as a file on this machine. */
    private static boolean isLocal(String value) {
        return value.toLowerCase(Locale.ROOT).startsWith("file:") || !LINK.matcher(value).matches();
    }
}
