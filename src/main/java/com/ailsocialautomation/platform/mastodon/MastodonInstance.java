package com.ailsocialautomation.platform.mastodon;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** A Mastodon server: its base URL from what a person typed, and the text limit it announces. */
final class MastodonInstance {
    static final int DEFAULT_MAX_CHARACTERS = 500;
    private static final String USAGE = "Usage: /ail connect mastodon fosstodon.org";

    private MastodonInstance() {}

    /**
     * "fosstodon.org", "https://fosstodon.org/about" and "@ana@fosstodon.org" all name "https://fosstodon.org". An
     * explicit scheme is kept (the URL guard refuses http unless AIL_INSECURE_LOOPBACK is on), the path is dropped.
     */
    static String url(String argument) {
        if (argument == null || argument.isBlank()) {
            throw new UserError("Name your Mastodon server. " + USAGE);
        }
        String text = argument.strip();
        if (!text.contains("://")) {
            int at = text.lastIndexOf('@');
            text = "https://" + (at >= 0 ? text.substring(at + 1) : text);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new UserError("That is not a Mastodon server's address. " + USAGE);
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getScheme() == null) {
            throw new UserError("That is not a Mastodon server's address. " + USAGE);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    /** The host people see in a handle: "fosstodon.org". */
    static String host(String instanceUrl) {
        return URI.create(instanceUrl).getHost();
    }

    /**
     * What the server announces under {@code configuration} in /api/v2/instance (4.0+), else in /api/v1/instance;
     * Mastodon's own defaults where it says nothing. The instance endpoints need no token.
     */
    static int maxCharacters(ApiClient api, String instanceUrl) {
        JsonNode configuration = configuration(api, instanceUrl + "/api/v2/instance");
        if (configuration == null) {
            configuration = configuration(api, instanceUrl + "/api/v1/instance");
        }
        JsonNode config = configuration == null ? MissingNode.getInstance() : configuration;
        return positive(config.path("statuses").path("max_characters"), DEFAULT_MAX_CHARACTERS);
    }

    private static JsonNode configuration(ApiClient api, String url) {
        ApiResponse response = api.send(ApiRequest.get(url).header("Accept", "application/json"));
        if (!response.ok()) {
            return null;
        }
        JsonNode configuration = response.json("Mastodon").path("configuration");
        return configuration.isObject() ? configuration : null;
    }

    private static int positive(JsonNode value, int fallback) {
        return value.canConvertToInt() && value.asInt() > 0 ? value.asInt() : fallback;
    }

}
