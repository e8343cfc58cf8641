package com.ailsocialautomation.platform.bluesky;

import java.util.List;
import java.util.Map;

/**
 * One rich-text facet of a post: a UTF-8 byte range of the text, end-exclusive, and what it is.
 *
 * @param value the link's URI, the mention's handle (its DID once resolved), or the tag without its #
 */
record Facet(int byteStart, int byteEnd, Kind kind, String value) {

    enum Kind {
        LINK("link", "uri"), MENTION("mention", "did"), TAG("tag", "tag");

        final String type;
        final String field;

        Kind(String type, String field) {
            this.type = "app.bsky.richtext.facet#" + type;
            this.field = field;
        }
    }

    Facet {
        if (byteStart < 0 || byteEnd <= byteStart) {
            throw new IllegalArgumentException("empty or negative facet range " + byteStart + ".." + byteEnd);
        }
    }

    Facet withValue(String resolved) {
        return new Facet(byteStart, byteEnd, kind, resolved);
    }

    /** The facet as the app.bsky.richtext.facet lexicon has it. */
    Map<String, Object> json() {
        return Map.of("index", Map.of("byteStart", byteStart, "byteEnd", byteEnd),
                "features", List.of(Map.of("$type", kind.type, kind.field, value)));
    }
}
