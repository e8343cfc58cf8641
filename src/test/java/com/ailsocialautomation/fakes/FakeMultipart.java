package com.ailsocialautomation.fakes;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a multipart/form-data body the way a strict server does: each part's name, its Content-Type and bytes. */
final class FakeMultipart {
    record Part(String contentType, byte[] bytes) {}

    private FakeMultipart() {}

    /** Works on ISO-8859-1 text so every byte maps to one char and back unchanged. */
    static Map<String, Part> parse(byte[] body, String boundary) {
        Map<String, Part> parts = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        for (String chunk : text.split("--" + Pattern.quote(boundary))) {
            int split = chunk.indexOf("\r\n\r\n");
            if (split < 0 || !chunk.startsWith("\r\n")) {
                continue;
            }
            String headers = chunk.substring(2, split);
            int nameAt = headers.indexOf("name=\"");
            if (nameAt < 0) {
                continue;
            }
            String name = headers.substring(nameAt + 6, headers.indexOf('"', nameAt + 6));
            String type = null;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    type = line.substring("content-type:".length()).trim();
                }
            }
            String content = chunk.substring(split + 4, chunk.length() - 2); // drop the CRLF before the next boundary
            parts.put(name, new Part(type, content.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }
}
