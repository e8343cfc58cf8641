package com.ailsocialautomation.oauth;

import com.ailsocialautomation.web.SecurityHeadersTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every route the running App serves, whatever it answers to a stranger, carries the strict browser headers. */
class EveryPageHeadersTest extends ConnectFixture {
    @Test
    void everyRouteOfTheRunningAppAnswersWithTheStrictHeaders() throws Exception {
        List<String> routes = app.webRoutes();
        assertTrue(routes.contains("GET /") && routes.contains("GET /privacy") && routes.contains("GET /oauth/{platform}/start"), routes.toString());
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replace("{platform}", "mastodon").replaceAll("\\{[^}]+}", "x");
            if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) { // before/after filters are not pages
                continue;
            }
            HttpResponse<String> response = SecurityHeadersTest.send(app.port(), method, path, "a=b");
            SecurityHeadersTest.assertStrict(response, route + " (" + response.statusCode() + ")");
        }
    }
}
