package com.ailsocialautomation.web;

import com.ailsocialautomation.message.Unexpected;
import com.ailsocialautomation.LogContext;
import com.ailsocialautomation.UserError;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Javalin server. It owns the one place where exceptions become responses: a {@link UserError} is shown,
 * an {@link HttpResponseException} keeps its status, anything else is logged with an id that the page quotes.
 * No page ever echoes a token, a code or a stack trace.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    /** Bodies above this are refused before any handler reads them. */
    public static final long MAX_REQUEST_BYTES = 1_000_000;

    private final Javalin app;

    public WebServer(String host, int port, MeterRegistry metrics, List<WebRoutes> features) {
        this(host, port, false, metrics, features);
    }

    /** {@code https}: AIL's public URL is https, so browsers are told to use nothing else (HSTS). */
    public WebServer(String host, int port, boolean https, MeterRegistry metrics, List<WebRoutes> features) {
        SecurityHeaders headers = new SecurityHeaders(https);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = host;
            cfg.jetty.port = port;
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            // Javalin copies each result through a new buffer of this size (32 KB unless set): most answers (a Slack
            // ack, /healthz) are under 2 KB, so a smaller one cuts the garbage of every request; larger ones (an export)
            // are copied in more rounds into Jetty's own output buffer, which is unchanged
            cfg.http.responseBufferSize = 8 * 1024;
            cfg.jetty.modifyServer(server -> server.setStopTimeout(5_000));
            cfg.requestLogger.http((ctx, ms) -> {
                Timer.builder("http.server.requests")
                        .tag("method", ctx.method().name())
                        .tag("status", Integer.toString(ctx.statusCode()))
                        .tag("route", routeOf(ctx))
                        .register(metrics)
                        .record((long) (ms * 1000), TimeUnit.MICROSECONDS);
                MDC.remove(LogContext.REQUEST); // the request is over; Jetty reuses the thread
            });
            // Each request gets an id in the log context and in X-Request-Id, so an operator can find its lines.
            cfg.routes.before(ctx -> {
                String id = LogContext.newId();
                MDC.put(LogContext.REQUEST, id);
                ctx.header("X-Request-Id", id);
            });
            cfg.routes.exception(UserError.class, (e, ctx) ->
                    ctx.status(400).html(Html.page("Something needs fixing", Html.p(e.getMessage()))));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 404) {
                    notFound(ctx.status(404)); // also Javalin's own "Endpoint ... not found", which echoes the path
                } else {
                    ctx.status(e.getStatus()).html(Html.page("Request refused", Html.p(e.getMessage())));
                }
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                // the route template, not the path: a path can carry a one-time token (a connect link)
                String id = Unexpected.log(log, "Request " + ctx.method() + " " + routeOf(ctx) + " failed", e);
                ctx.status(500).html(Html.page("Something went wrong",
                        Html.p("AIL could not complete this request. Please try again; if it keeps failing, quote error id " + id + ".")));
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    notFound(ctx);
                }
            });
            cfg.routes.error(413, ctx -> ctx.html(Html.page("Too large", Html.p("The request body is too large."))));
            cfg.routes.after(headers::apply);
            for (WebRoutes feature : features) {
                feature.addTo(cfg.routes);
            }
        });
    }

    private static void notFound(io.javalin.http.Context ctx) {
        ctx.html(Html.page("Not found", Html.p("There is nothing at this address. Start at the home page.")));
    }

    /** The matched route's template; the before-handler's "*" is not a route. */
    private static String routeOf(io.javalin.http.Context ctx) {
        try {
            io.javalin.router.Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    public WebServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Every route as "METHOD /path/{param}", for checks that must cover all of them. */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).toList();
    }

    @Override
    public void close() {
        app.stop();
    }
}
