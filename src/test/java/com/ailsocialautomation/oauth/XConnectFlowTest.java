package com.ailsocialautomation.oauth;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.testing.ServiceEnv;
import com.ailsocialautomation.App;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.fakes.FakeX;
import com.ailsocialautomation.testing.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same routes connect X with the operator's app once AIL_X_CLIENT_ID and AIL_X_CLIENT_SECRET are set. */
class XConnectFlowTest {
    @TempDir
    Path tmp;

    @Test
    void connectXGivesALinkAndTheRoutesConnectTheAccountWithTheOperatorsApp() {
        try (FakeX x = FakeX.start()) {
            ServiceEnv env = ServiceEnv.in(tmp.resolve("data"))
                    .with("AIL_PUBLIC_URL", "https://ail.example.com")  // the callback FakeX's app is registered with
                    .with("AIL_X_CLIENT_ID", FakeX.CLIENT_ID)
                    .with("AIL_X_CLIENT_SECRET", FakeX.CLIENT_SECRET)
                    .with("AIL_X_API_URL", x.url())
                    .with("AIL_X_AUTH_URL", x.url());
            try (App app = env.start()) {
                String local = "http://127.0.0.1:" + app.port();
                Reply reply = app.commands().run(new Invocation(FrontEnd.DISCORD, "G1", "U1", "Ana", false, null, null), "connect x");
                Matcher m = Pattern.compile("https://ail\\.example\\.com(/oauth/x/start\\?s=[A-Za-z0-9_-]{43})").matcher(reply.text());
                assertTrue(m.find(), reply.text());
                Browser browser = new Browser("Mozilla/5.0");
                HttpResponse<String> confirmation = browser.get(local + m.group(1));
                assertEquals(200, confirmation.statusCode(), confirmation.body());
                assertTrue(confirmation.body().contains("Ana asked AIL to connect an x account to the Discord workspace"), confirmation.body());
                assertTrue(confirmation.headers().firstValue("Content-Security-Policy").orElseThrow()
                        .contains("form-action 'self' " + x.url() + ";"), "the form may continue to X's authorize page");
                HttpResponse<String> start = browser.submit(local + m.group(1), confirmation, Map.of());
                assertEquals(303, start.statusCode(), start.body());
                assertTrue(start.headers().firstValue("Set-Cookie").orElseThrow().endsWith("; Secure"), "an https public URL gets a Secure cookie");
                FakeX.Callback callback = x.approve(URI.create(start.headers().firstValue("Location").orElseThrow()));
                HttpResponse<String> page = browser.get(local + "/oauth/x/callback?state=" + callback.state() + "&code=" + callback.code());
                assertEquals(200, page.statusCode(), page.body());
                assertTrue(page.body().contains("Your x account " + FakeX.USERNAME + " is connected to AIL as "), page.body());
                String accounts = app.commands().run(new Invocation(FrontEnd.DISCORD, "G1", "U1", "Ana", false, null, null), "accounts").text();
                assertTrue(accounts.contains("  x  " + FakeX.USERNAME + "  active  connected by Ana"), accounts);
            }
        }
    }
}
