package com.ailsocialautomation.web;

import com.ailsocialautomation.config.Secret;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.function.BooleanSupplier;

/**
 * Liveness, readiness (database answers and migrations applied) and Prometheus metrics. Metrics describe the service
 * (traffic, queues, failures), so they are served only to a scraper that sends AIL_METRICS_TOKEN as a bearer token.
 */
public final class HealthRoutes implements WebRoutes {
    private final BooleanSupplier ready;
    private final PrometheusMeterRegistry metrics;
    private final Secret token;

    /** {@code token}: AIL_METRICS_TOKEN; null turns /metrics off. */
    public HealthRoutes(BooleanSupplier ready, PrometheusMeterRegistry metrics, Secret token) {
        this.ready = ready;
        this.metrics = metrics;
        this.token = token;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok"));
        routes.get("/readyz", ctx -> {
            if (ready.getAsBoolean()) {
                ctx.contentType("text/plain").result("ready");
            } else {
                ctx.status(503).contentType("text/plain").result("not ready: database unreachable or migrations not applied");
            }
        });
        routes.get("/metrics", this::metrics);
    }

    private void metrics(Context ctx) {
        if (token == null) {
            ctx.status(404).contentType("text/plain").result("Metrics are off: set AIL_METRICS_TOKEN and scrape with that bearer token.");
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ") || !Secret.of(header.substring(7).strip()).equals(token)) {
            ctx.status(401).header("WWW-Authenticate", "Bearer").contentType("text/plain").result("A bearer token is required.");
            return;
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
