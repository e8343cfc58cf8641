package com.ailsocialautomation.command;

import com.ailsocialautomation.media.StoredMedia;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** How a post's media are listed to people (a preview, show): in order, by name, type, size and alt text. */
final class MediaLines {
    private MediaLines() {}

    /** "1. poster.png (PNG, 240 KB, alt: Our team on stage)", one line per item; empty for none. */
    static String of(List<StoredMedia> media) {
        return IntStream.range(0, media.size()).mapToObj(i -> (i + 1) + ". " + line(media.get(i)))
                .collect(Collectors.joining("\n"));
    }

    private static String line(StoredMedia m) {
        String alt = m.altText() == null || m.altText().isBlank() ? ", no alt text" : ", alt: " + m.altText();
        return m.fileName() + " (" + m.facts().type().displayName() + ", " + size(m.size()) + alt + ")";
    }

    static String size(long bytes) {
        return bytes >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6) : Math.max(1, bytes / 1000) + " KB";
    }
}
