package com.ailsocialautomation.platform.x;

/** What AIL was doing when X answered; names the action and the unit in messages people read. */
enum XCall {
    CONNECTING("connecting the account", "requests"),
    REFRESHING("renewing the access token", "requests"),
    REVOKING("revoking the access token", "requests"),
    PROFILE("reading the profile", "requests"),
    UPLOADING("uploading media", "uploads"),
    POSTING("posting", "posts");

    final String doing;
    final String unit;

    XCall(String doing, String unit) {
        this.doing = doing;
        this.unit = unit;
    }
}
