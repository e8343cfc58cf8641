package com.ailsocialautomation.discord;

import com.ailsocialautomation.Json;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * With DISCORD_API_URL set, the gateway address comes from that API's {@code GET gateway}, as Discord documents
 * it, instead of JDA's built-in one: so a test's fake Discord serves the websocket too.
 */
final class ApiGateway extends ConcurrentSessionController {
    private final String apiUrl;

    ApiGateway(String apiUrl) {
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }

    @Override
    public String getGateway() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "gateway")).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET gateway at DISCORD_API_URL answered " + response.statusCode());
            }
            return Json.MAPPER.readTree(response.body()).path("url").asText();
        } catch (IOException e) {
            throw new IllegalStateException("GET gateway at DISCORD_API_URL failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for the gateway", e);
        }
    }
}
