package com.ailsocialautomation.media;

import java.io.IOException;

/** A file whose structure is broken where AIL reads it; its message is for the log, the person gets a UserError. */
final class CorruptMedia extends IOException {
    CorruptMedia(String message) {
        super(message);
    }
}
