package com.ailsocialautomation.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A person's browser for tests, on 127.0.0.1 only: it follows no redirect (the test does, step by step), and keeps
 * cookies by name with their Path, sending each only where its Path matches, as browsers do.
 */
public final class Browser {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private record Cookie(String value, String path) {}

    private final Map<String, Cookie> cookies = new ConcurrentHashMap<>();
    private final String userAgent;

    public Browser(String userAgent) {
        this.userAgent = userAgent;
    }

    /** GETs {@code url}; "localhost" is read as 127.0.0.1, where the test's servers listen. */
    public HttpResponse<String> get(String url) {
        URI uri = URI.create(url.replace("://localhost:", "://127.0.0.1:"));
        return send(uri, HttpRequest.newBuilder(uri).GET());
    }

    /** POSTs {@code fields} as a form, as a browser submits one. */
    public HttpResponse<String> post(String url, Map<String, String> fields) {
        URI uri = URI.create(url.replace("://localhost:", "://127.0.0.1:"));
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(java.util.stream.Collectors.joining("&"));
        return send(uri, HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Presses the button of the one form on {@code page} (the answer to a GET of {@code pageUrl}): posts its fields,
     * hidden ones included, with {@code typed} filled in, to its action.
     */
    public HttpResponse<String> submit(String pageUrl, HttpResponse<String> page, Map<String, String> typed) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(formFields(page.body()));
        fields.putAll(typed);
        java.util.regex.Matcher action = java.util.regex.Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("no form on the page: " + page.body());
        }
        return post(URI.create(pageUrl).resolve(unescape(action.group(1))).toString(), fields);
    }

    /** The named inputs of the page's form and their values (empty for fields without one). */
    public static Map<String, String> formFields(String html) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher input = java.util.regex.Pattern.compile("<input ([^>]*)>").matcher(html);
        while (input.find()) {
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]*)\"").matcher(input.group(1));
            java.util.regex.Matcher value = java.util.regex.Pattern.compile("value=\"([^\"]*)\"").matcher(input.group(1));
            if (name.find()) {
                fields.put(unescape(name.group(1)), value.find() ? unescape(value.group(1)) : "");
            }
        }
        return fields;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private HttpResponse<String> send(URI uri, HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(15)).header("User-Agent", userAgent);
        List<String> sent = new ArrayList<>();
        cookies.forEach((name, c) -> {
            if (uri.getPath().startsWith(c.path())) {
                sent.add(name + "=" + c.value());
            }
        });
        if (!sent.isEmpty()) {
            request.header("Cookie", String.join("; ", sent));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(this::keep);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(uri.getPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Map<String, String> cookies() {
        Map<String, String> out = new java.util.TreeMap<>();
        cookies.forEach((name, c) -> out.put(name, c.value()));
        return out;
    }

    private void keep(String header) {
        String[] parts = header.split(";\\s*");
        int eq = parts[0].indexOf('=');
        String name = parts[0].substring(0, eq);
        String value = parts[0].substring(eq + 1);
        String path = "/";
        boolean expired = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].toLowerCase(java.util.Locale.ROOT);
            if (attribute.startsWith("path=")) {
                path = parts[i].substring(5);
            } else if (attribute.equals("max-age=0")) {
                expired = true;
            }
        }
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, new Cookie(value, path));
        }
    }
}
