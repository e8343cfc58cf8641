package com.ailsocialautomation.platform.linkedin;

import com.ailsocialautomation.fakes.FakeLinkedIn;
import com.ailsocialautomation.testing.RealFlows;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LinkedIn company Pages through the running service (RealFlows) against FakeLinkedIn: with
 * AIL_LINKEDIN_ORGANIZATIONS on, Ana's sign-in asks for the organization scopes, AIL offers her profile and the Pages
 * she administers, each chosen one becomes an account, and a Page's post (with its picture) goes out as the
 * organization. Without Page access the profile alone is connected and she is told why; without the setting nothing
 * about organizations is asked.
 */
class LinkedInPagesTest {
    private static final String ORG_SCOPES = FakeLinkedIn.ALL_SCOPES + " w_organization_social r_organization_admin";

    @TempDir
    Path tmp;
    RealFlows flows;
    HttpServer files;

    @AfterEach
    void stop() throws Exception {
        if (files != null) {
            files.stop(0);
        }
        flows.close();
    }

    private void start(boolean organizations) throws Exception {
        flows = new RealFlows(tmp, organizations ? Map.of("AIL_LINKEDIN_ORGANIZATIONS", "true") : Map.of());
        flows.installSlack();
        flows.linkedin.role(new FakeLinkedIn.Role("1001", "Acme Robotics", "acme-robotics", "ADMINISTRATOR", "APPROVED"));
        flows.linkedin.role(new FakeLinkedIn.Role("1002", "Chess Club", "chess-club", "ANALYST", "APPROVED"));
        flows.linkedin.role(new FakeLinkedIn.Role("1003", "Pending Inc", "pending-inc", "ADMINISTRATOR", "REQUESTED"));
    }

    @Test
    void anaChoosesHerProfileAndThePageSheAdministersAndThePagePostsAsTheOrganization() throws Exception {
        start(true);
        flows.linkedin.grantScope(ORG_SCOPES);
        AtomicReference<URI> asked = new AtomicReference<>();
        HttpResponse<String> page = flows.startLinkedIn(asked::set);
        assertTrue(asked.get().getQuery().contains("scope=openid profile w_member_social w_organization_social r_organization_admin"),
                asked.get().toString());
        assertTrue(page.body().contains("Acme Robotics"), page.body());
        assertFalse(page.body().contains("Chess Club") || page.body().contains("Pending Inc"),
                "only Pages she administers, approved: " + page.body());

        HttpResponse<String> done = flows.choose("linkedin", page, Set.of(0, 1));
        assertEquals(200, done.statusCode(), done.body());
        assertEquals(List.of(FakeLinkedIn.MEMBER_ID, "urn:li:organization:1001"),
                flows.column("select external_id from social_accounts where platform = 'linkedin' order by created_at, external_id"));
        String acme = flows.one("select short_id from social_accounts where external_id = 'urn:li:organization:1001'");

        String picture = serve(png());
        flows.run("post to:" + acme + " media:" + picture + " alt:\"Our new robot\" Meet our new robot");
        flows.awaitState("Meet our new robot", "published");
        JsonNode post = flows.linkedin.posts().get(0);
        assertEquals("urn:li:organization:1001", post.path("author").asText());
        assertTrue(post.path("content").path("media").path("id").asText().startsWith("urn:li:image:"), post.toString());
        JsonNode upload = com.ailsocialautomation.Json.MAPPER.readTree(flows.linkedin.received("POST", "/rest/images").get(0).body());
        assertEquals("urn:li:organization:1001", upload.path("initializeUploadRequest").path("owner").asText(),
                "the picture is owned by the organization");

        String mine = flows.one("select short_id from social_accounts where external_id = ?", FakeLinkedIn.MEMBER_ID);
        flows.run("post to:" + mine + " A word from me");
        flows.awaitState("A word from me", "published");
        assertEquals(FakeLinkedIn.MEMBER_URN, flows.linkedin.posts().get(1).path("author").asText());

        String bye = flows.run("disconnect " + acme).text();
        assertTrue(bye.contains("the LinkedIn sign-in stays"), bye);
        flows.run("post to:" + mine + " Still here");
        flows.awaitState("Still here", "published");
    }

    @Test
    void aPageTheTokenNoLongerAdministersIsRefusedByLinkedInAndTheFailureSaysSo() throws Exception {
        start(true);
        flows.linkedin.grantScope(ORG_SCOPES);
        HttpResponse<String> page = flows.startLinkedIn(uri -> {});
        flows.choose("linkedin", page, Set.of(1));
        String acme = flows.one("select short_id from social_accounts where external_id = 'urn:li:organization:1001'");
        flows.linkedin.role(new FakeLinkedIn.Role("1001", "Acme Robotics", "acme-robotics", "ANALYST", "APPROVED"));
        flows.run("post to:" + acme + " Not ours any more");
        flows.awaitState("Not ours any more", "failed");
        assertEquals(0, flows.linkedin.posts().size());
        String shown = flows.run("show " + flows.shortIdOf("Not ours any more")).toPlainText();
        assertTrue(shown.contains("Not enough permissions to create a post for urn:li:organization:1001"), shown);
    }

    @Test
    void withoutPageAccessTheProfileAloneIsConnectedAndAnaIsToldWhy() throws Exception {
        start(true);
        flows.linkedin.grantScope(FakeLinkedIn.ALL_SCOPES + " w_organization_social"); // no r_organization_admin: the ACL call is 403
        HttpResponse<String> page = flows.startLinkedIn(uri -> {});
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("is connected to AIL as"), page.body());
        assertTrue(page.body().contains("LinkedIn did not let AIL list the Pages you administer"), page.body());
        assertEquals(List.of(FakeLinkedIn.MEMBER_ID), flows.column("select external_id from social_accounts"));
    }

    @Test
    void withoutTheSettingNothingAboutOrganizationsIsAskedAndTheProfileConnectsAtOnce() throws Exception {
        start(false);
        AtomicReference<URI> asked = new AtomicReference<>();
        HttpResponse<String> page = flows.startLinkedIn(asked::set);
        assertTrue(asked.get().getQuery().endsWith("scope=openid profile w_member_social"), asked.get().toString());
        assertTrue(page.body().contains("is connected to AIL as"), page.body());
        assertFalse(flows.linkedin.received().stream().anyMatch(r -> r.path().contains("organization")),
                "no organization endpoint is called");
    }

    private String serve(byte[] body) throws Exception {
        files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/robot", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        files.start();
        return "http://127.0.0.1:" + files.getAddress().getPort() + "/robot";
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
