package com.ailsocialautomation.platform;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.config.Secret;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An HTTP request to a platform API. Immutable; each with* method returns a copy. toString never shows headers. The
 * body is either {@code body} (small: JSON, forms, one chunk) or {@code stream} (media, read as it is sent).
 */
public record ApiRequest(String method, String url, Map<String, List<String>> headers, byte[] body, StreamedBody stream) {

    public ApiRequest(String method, String url, Map<String, List<String>> headers, byte[] body) {
        this(method, url, headers, body, null);
    }

    public static ApiRequest get(String url) {
        return new ApiRequest("GET", url, Map.of(), null);
    }

    public static ApiRequest post(String url) {
        return new ApiRequest("POST", url, Map.of(), new byte[0]);
    }

    public static ApiRequest method(String method, String url) {
        return new ApiRequest(method, url, Map.of(), "GET".equals(method) ? null : new byte[0]);
    }

    public ApiRequest header(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(copy.getOrDefault(name, List.of()));
        values.add(value);
        copy.put(name, List.copyOf(values));
        return new ApiRequest(method, url, Map.copyOf(copy), body, stream);
    }

    public ApiRequest bearer(Secret token) {
        return header("Authorization", "Bearer " + token.reveal());
    }

    public ApiRequest body(String contentType, byte[] bytes) {
        return new ApiRequest(method, url, headers, bytes, null).header("Content-Type", contentType);
    }

    /** A body read from a stream while it is sent, with its length as Content-Length. */
    public ApiRequest body(String contentType, StreamedBody streamed) {
        return new ApiRequest(method, url, headers, null, streamed).header("Content-Type", contentType);
    }

    /** The same request to another address (a base prepended to a path), with its headers and body. */
    public ApiRequest at(String otherUrl) {
        return new ApiRequest(method, otherUrl, headers, body, stream);
    }

    /** application/x-www-form-urlencoded; null values are left out. */
    public ApiRequest form(Map<String, String> fields) {
        String encoded = fields.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return body("application/x-www-form-urlencoded", encoded.getBytes(StandardCharsets.UTF_8));
    }

    public ApiRequest json(Object value) {
        try {
            return body("application/json", Json.MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON", e);
        }
    }

    public String firstHeader(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        int q = url.indexOf('?');
        return method + " " + (q < 0 ? url : url.substring(0, q));
    }
}
