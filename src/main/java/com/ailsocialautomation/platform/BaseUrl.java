package com.ailsocialautomation.platform;

/** An API or consent-page base from the configuration: tests point it at a fake, production leaves it unset. */
public final class BaseUrl {
    private BaseUrl() {
    }

    /** {@code configured} without a trailing slash, or {@code fallback} (the platform's own host) when unset. */
    public static String or(String configured, String fallback) {
        String url = configured == null || configured.isBlank() ? fallback : configured;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
