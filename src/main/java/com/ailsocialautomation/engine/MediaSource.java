package com.ailsocialautomation.engine;

import com.ailsocialautomation.platform.Media;

/** Fetches a user's media URL through the URL guard, sniffing the bytes; throws UserError for a refused URL. */
public interface MediaSource {
    Media fetch(String url);
}
