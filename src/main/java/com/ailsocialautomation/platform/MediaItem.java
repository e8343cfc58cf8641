package com.ailsocialautomation.platform;

/**
 * What a receiver is told about one media item of a post, without its bytes (the webhook's {@code media_items}).
 *
 * @param fileName  null, with {@code facts}, for a link of a post from before AIL copied media, which a receiver
 *                  that uploads nothing is given unread
 * @param sourceUrl the public link it was copied from; null for a file given in a chat or from disk, whose
 *                  address is private or short-lived
 */
public record MediaItem(String fileName, MediaFacts facts, String altText, String sourceUrl) {
    public static MediaItem of(Media media, String sourceUrl) {
        return new MediaItem(media.fileName(), media.facts(), media.altText(), sourceUrl);
    }
}
