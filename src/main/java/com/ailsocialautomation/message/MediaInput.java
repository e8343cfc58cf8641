package com.ailsocialautomation.message;

import com.ailsocialautomation.config.Secret;

import java.nio.file.Path;

/**
 * A media item a person gave with a command, before AIL copies it. Front ends turn what their chat offers into one
 * of these; the command layer copies each once, when it accepts the command, and the post publishes from that copy.
 * Media are numbered in the order: {@code media:} links first, then files, and {@code alt:} options apply in that
 * order; an item's own {@link #altText()} is used where no {@code alt:} is given for its place.
 */
public sealed interface MediaInput {
    /** The description the chat itself carries (a Discord attachment's description), or null. */
    String altText();

    /** A file in the chat: Slack's url_private_download with the bot token as bearer, Discord's signed CDN URL (bearer null). */
    record ChatFile(String url, Secret bearer, String fileName, String altText) implements MediaInput {
        @Override
        public String toString() {
            return "ChatFile[" + fileName + "]";
        }
    }

    /** A file on the console user's own machine. */
    record LocalFile(Path path, String altText) implements MediaInput {}
}
