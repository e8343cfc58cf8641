package com.ailsocialautomation.engine;

import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.store.Account;

/** The OAuth client an account was connected with: the operator's app, or a Mastodon instance's registration. */
public interface ClientApps {
    ClientApp forAccount(Account account);
}
