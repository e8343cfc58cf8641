package com.ailsocialautomation.web;

import io.javalin.config.RoutesConfig;

import java.nio.file.Path;

/**
 * {@code GET /terms}: the terms of service that Discord's verification and Slack's Marketplace ask for beside the
 * privacy policy. AIL_TERMS_FILE, else a plain default shipped in the jar, with the contact filled in.
 */
public final class TermsRoutes implements WebRoutes {
    public static final String PATH = "/terms";
    private final String text;

    private TermsRoutes(String text) {
        this.text = text;
    }

    public static TermsRoutes load(Path operatorFile, String contactEmail) {
        return new TermsRoutes(OperatorText.load(operatorFile, "/terms.txt", contactEmail,
                "For questions about these terms, contact: "));
    }

    public String text() {
        return text;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, ctx -> ctx.html(Html.page("Terms of Service", "<pre>" + Html.escape(text) + "</pre>")));
    }
}
