package com.ailsocialautomation.platform.threads;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Calls to the Threads API as its documentation makes them: the user's token in the {@code access_token}
 * parameter, in the query of a GET and in the form body of a POST (so that no token of a POST travels in a URL).
 * Every refusal becomes a PlatformError through {@link ThreadsAnswers}.
 */
final class ThreadsGraph {
    static final String VERSION = "v1.0";

    private final ApiClient api;
    private final String apiUrl;
    private final ThreadsAnswers answers;

    ThreadsGraph(ApiClient api, String apiUrl, ThreadsAnswers answers) {
        this.api = api;
        this.apiUrl = apiUrl;
        this.answers = answers;
    }

    /** GET {@code /v1.0/<path>} with these parameters. */
    JsonNode get(String path, Map<String, String> params, Secret token, String doing) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("access_token", token.reveal());
        return answers.read(api.send(ApiRequest.get(apiUrl + "/" + VERSION + path + "?" + query(all))), doing);
    }

    /** POST {@code /v1.0/<path>} with these parameters as a form. */
    JsonNode post(String path, Map<String, String> params, Secret token, String doing) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("access_token", token.reveal());
        return answers.read(api.send(ApiRequest.post(apiUrl + "/" + VERSION + path).form(all)), doing);
    }

    /** An unversioned call (the token endpoints), answered as is. */
    ApiResponse send(ApiRequest request) {
        return api.send(request.at(apiUrl + request.url()));
    }

    static String query(Map<String, String> params) {
        return params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
