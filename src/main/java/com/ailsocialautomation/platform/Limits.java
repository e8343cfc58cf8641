package com.ailsocialautomation.platform;

/** What one post may hold on a platform or instance. */
public record Limits(int maxCharacters, int maxMedia, long maxImageBytes, long maxVideoBytes) {}
