package com.ailsocialautomation.calendar;

import com.ailsocialautomation.message.FrontEnd;

/** A chat platform that can vouch for who is at the browser (Sign in with Slack, Discord's OAuth). */
interface SignIn {
    FrontEnd frontEnd();

    /** The platform's page where the person agrees; it comes back to {@code redirectUri} with a code and the state. */
    String authorizeUrl(SignInFlow flow, String redirectUri);

    /**
     * Who the platform says this is, from the code it sent back; a {@link com.ailsocialautomation.UserError} when it
     * refuses the code or its answer does not hold (another nonce, another app's token).
     */
    Identity identity(String code, SignInFlow flow, String redirectUri);
}
