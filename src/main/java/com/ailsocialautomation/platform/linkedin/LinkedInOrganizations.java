package com.ailsocialautomation.platform.linkedin;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.AccountChoice;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.Choices;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Profile;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The organizations (company Pages) a member administers, from the Community Management API: the approved
 * ADMINISTRATOR entries of {@code /rest/organizationAcls?q=roleAssignee} (scope {@code r_organization_admin}), each
 * named by {@code /rest/organizations/{id}}. An app without that access is answered 403: the person's own profile is
 * then connected alone, and told why.
 */
final class LinkedInOrganizations {
    /** Entries per page of the ACL finder; a member administers few Pages, so paging is rarely needed. */
    private static final int PAGE = 50;
    /** More than this is not offered: a choice page of hundreds of Pages helps nobody. */
    private static final int MOST = 100;
    static final String PREFIX = "urn:li:organization:";
    static final String NOTE = "LinkedIn did not let AIL list the Pages you administer (this AIL's LinkedIn app lacks the "
            + "Community Management API, or the sign-in left out Page access), so only your own profile was connected.";

    private final LinkedInRest rest;

    LinkedInOrganizations(LinkedInRest rest) {
        this.rest = rest;
    }

    Choices administered(Secret token) {
        List<String> urns = new ArrayList<>();
        try {
            for (int start = 0; urns.size() < MOST; start += PAGE) {
                JsonNode page = rest.read(ApiRequest.get("/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR"
                        + "&state=APPROVED&start=" + start + "&count=" + PAGE), token, "listing the Pages you administer");
                page.path("elements").forEach(acl -> {
                    String urn = acl.path("organization").asText("");
                    if (urn.startsWith(PREFIX) && !urns.contains(urn)) {
                        urns.add(urn);
                    }
                });
                if (page.path("elements").size() < PAGE) {
                    break;
                }
            }
        } catch (PlatformError e) {
            if (e.httpStatus() == 403) {
                return new Choices(List.of(), NOTE);
            }
            throw e;
        }
        List<AccountChoice> choices = new ArrayList<>();
        for (String urn : urns) {
            JsonNode org = rest.read(ApiRequest.get("/rest/organizations/" + urn.substring(PREFIX.length())), token,
                    "reading a Page you administer");
            String name = org.path("localizedName").asText(urn);
            String vanity = org.path("vanityName").asText(null);
            choices.add(new AccountChoice(new Profile(urn, vanity == null ? name : vanity, name, null,
                    vanity == null ? null : "https://www.linkedin.com/company/" + vanity), null, "Page"));
        }
        return new Choices(choices, null);
    }
}
