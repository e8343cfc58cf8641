package com.ailsocialautomation.web;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.function.BooleanSupplier;

/** Liveness, readiness (database answers and migrations applied) and Prometheus metrics. */
public final class HealthRoutes implements WebRoutes {
    private final BooleanSupplier ready;
    private final PrometheusMeterRegistry metrics;

    public HealthRoutes(BooleanSupplier ready, PrometheusMeterRegistry metrics) {
        this.ready = ready;
        this.metrics = metrics;
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
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    }
}
