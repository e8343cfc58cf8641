package com.ailsocialautomation.calendar;

import com.ailsocialautomation.message.FrontEnd;

import java.util.List;

/**
 * Who signed in, as the chat platform vouched for them: their user id there, a name, and the workspaces it says
 * they are in (Slack: the one team they signed in to; Discord: every server they share with the app's user), with
 * whether the platform calls them an admin there (Discord: Manage Server or Administrator).
 */
record Identity(FrontEnd frontEnd, String userId, String name, List<Place> places) {
    record Place(String workspaceExternalId, boolean admin) {}

    Identity {
        places = List.copyOf(places);
    }
}
