package com.ailsocialautomation.oauth;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.AccountChoice;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.TokenSet;
import com.ailsocialautomation.web.Html;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.time.Instant;
import java.util.List;

/**
 * What a person may choose to connect after the consent page (their Pages, the Instagram accounts linked to them,
 * their organizations), kept encrypted on the used OAuth state until they choose, and the form they choose with.
 *
 * @param grantorId the person at the platform whose grant every chosen account acts through
 * @param person    the person's own tokens, for choices without their own and to revoke an unused grant
 */
record ChoiceOffer(String grantorId, Tokens person, List<Choice> choices) {
    /** Tokens as they wait, in clear only inside the encrypted column. */
    record Tokens(String access, String refresh, Instant expiresAt, Instant refreshExpiresAt, String scopes) {
        static Tokens of(TokenSet set) {
            return new Tokens(reveal(set.accessToken()), reveal(set.refreshToken()), set.expiresAt(), set.refreshExpiresAt(), set.scopes());
        }

        TokenSet set() {
            return new TokenSet(Secret.ofNullable(access), Secret.ofNullable(refresh), expiresAt, refreshExpiresAt, scopes);
        }

        private static String reveal(Secret secret) {
            return secret == null ? null : secret.reveal();
        }
    }

    /** One account to choose; {@code tokens} null: the person's act for it. */
    record Choice(Profile profile, String kind, Tokens tokens) {
        static Choice of(AccountChoice choice) {
            return new Choice(choice.profile(), choice.kind(), choice.tokens() == null ? null : Tokens.of(choice.tokens()));
        }

        TokenSet tokensOr(Tokens person) {
            return (tokens != null ? tokens : person).set();
        }

        String label() {
            Profile p = profile;
            String name = p.displayName() != null && !p.displayName().equals(p.handle()) ? p.displayName() + " (" + p.handle() + ")" : p.handle();
            return name + (kind == null ? "" : ", " + kind);
        }
    }

    Secret sealed() {
        try {
            return Secret.of(Json.MAPPER.writeValueAsString(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("choices are plain values", e);
        }
    }

    static ChoiceOffer open(Secret sealed) {
        try {
            return Json.MAPPER.readValue(sealed.reveal(), ChoiceOffer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored choices are unreadable", e);
        }
    }

    /**
     * The form that posts the choice back to the callback's address, where the flow's browser cookie goes: a box per
     * account (all ticked), the one-time token and the cookie's name.
     */
    String form(String action, Secret token, String cookieName, String platformName) {
        StringBuilder boxes = new StringBuilder();
        for (int i = 0; i < choices.size(); i++) {
            boxes.append("<p><label><input type=\"checkbox\" name=\"choose-").append(i).append("\" value=\"on\" checked> ")
                    .append(Html.escape(choices.get(i).label())).append("</label></p>");
        }
        return "<form method=\"post\" action=\"" + Html.escape(action) + "\">"
                + "<input type=\"hidden\" name=\"choice\" value=\"" + Html.escape(token.reveal()) + "\">"
                + "<input type=\"hidden\" name=\"flow\" value=\"" + Html.escape(cookieName) + "\">" + boxes
                + "<p><button type=\"submit\">Connect the chosen " + Html.escape(platformName) + " accounts</button></p></form>";
    }
}
