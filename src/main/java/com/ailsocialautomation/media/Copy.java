package com.ailsocialautomation.media;

import com.ailsocialautomation.platform.MediaFacts;

import java.nio.file.Path;

/**
 * One item copied for a command that is being accepted: the cleaned file in a private temporary directory, its
 * facts from its bytes, and what the person called and described it.
 *
 * @param sourceUrl the public link it was fetched from; null for chat and local files
 */
public record Copy(Path file, String fileName, MediaFacts facts, String altText, Origin origin, String sourceUrl) {}
