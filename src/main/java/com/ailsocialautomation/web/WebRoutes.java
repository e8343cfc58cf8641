package com.ailsocialautomation.web;

import io.javalin.config.RoutesConfig;

/** A feature's routes. Each feature (health, pages, OAuth, Slack) adds its own; the server knows none of them. */
public interface WebRoutes {
    /** Declares this feature's routes. */
    void addTo(RoutesConfig routes);
}
