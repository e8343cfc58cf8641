package com.ailsocialautomation.platform.linkedin;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Calls to LinkedIn's versioned {@code /rest} API. Every call carries the bearer token, {@code LinkedIn-Version}
 * (without it LinkedIn answers 400; with a retired one, 426) and {@code X-Restli-Protocol-Version: 2.0.0}, under
 * which URNs in a path must be URL-encoded.
 */
final class LinkedInRest {
    private final ApiClient api;
    private final String apiUrl;
    private final String version;
    private final LinkedInAnswers answers;

    LinkedInRest(ApiClient api, String apiUrl, String version, LinkedInAnswers answers) {
        this.api = api;
        this.apiUrl = apiUrl;
        this.version = version;
        this.answers = answers;
    }

    /** Sends {@code request} to {@code apiUrl + path}; a refusal becomes a PlatformError. */
    ApiResponse send(ApiRequest request, Secret token, String doing) {
        ApiResponse response = api.send(request.at(apiUrl + request.url())
                .bearer(token)
                .header("LinkedIn-Version", version)
                .header("X-Restli-Protocol-Version", "2.0.0"));
        answers.accept(response, doing);
        return response;
    }

    JsonNode read(ApiRequest request, Secret token, String doing) {
        return send(request, token, doing).json("LinkedIn");
    }

    /** The OpenID userinfo endpoint lives outside {@code /rest} and takes no version headers. */
    JsonNode readUnversioned(String path, Secret token, String doing) {
        ApiResponse response = api.send(ApiRequest.get(apiUrl + path).bearer(token));
        answers.accept(response, doing);
        return response.json("LinkedIn");
    }

    static String urn(String urn) {
        return URLEncoder.encode(urn, StandardCharsets.UTF_8);
    }
}
