package com.ailsocialautomation.net;

/** A media file fetched through {@link GuardedHttp}, its type taken from its bytes. */
public record Download(byte[] bytes, MediaType type) {
}
