package com.ailsocialautomation.slack;

import com.ailsocialautomation.web.Html;
import com.ailsocialautomation.web.WebRoutes;
import com.slack.api.bolt.response.Response;
import io.javalin.config.RoutesConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/** Where the install flow ends: a page that says it worked, or why it did not, without echoing any code. */
final class InstallPages implements WebRoutes {
    private static final Logger log = LoggerFactory.getLogger(InstallPages.class);

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(Setup.INSTALLED_PAGE, ctx -> ctx.html(Html.page("AIL is installed",
                Html.p("AIL is now in your Slack workspace. Type /ail help in any channel to start, "
                        + "or open AIL's Home tab to see your posts."))));
        routes.get(Setup.INSTALL_FAILED_PAGE, ctx -> ctx.status(400).html(Html.page("AIL was not installed",
                Html.p("The installation was cancelled or could not be verified. Start again from the Add to Slack button; "
                        + "the link is valid for 10 minutes."))));
    }

    static Response redirect(Response response, String to, String reason) {
        log.info("A Slack install did not complete: {}", reason == null ? "unknown" : reason.replaceAll("[^a-z_]", ""));
        response.setStatusCode(302);
        response.setHeaders(Map.of("Location", List.of(to)));
        return response;
    }
}
