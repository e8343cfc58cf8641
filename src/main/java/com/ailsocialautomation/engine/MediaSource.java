package com.ailsocialautomation.engine;

import com.ailsocialautomation.platform.Media;

/**
 * Fetches a media link of a post accepted before AIL copied media, through the URL guard, sniffing the bytes;
 * throws UserError for a refused URL.
 */
public interface MediaSource {
    Media fetch(String url);
}
