package com.ailsocialautomation.platform;

import com.ailsocialautomation.net.MediaType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a platform takes for one kind of media (its images, its GIFs or its videos), checked against the facts AIL
 * read from the bytes. A zero or null bound is no bound; a fact the file did not give (width 0) is not judged.
 * Sizes are in bytes with MB meaning 1,000,000, which is never more than the platform means by it.
 *
 * @param types       the formats it takes; empty when it takes none of this kind
 * @param maxBytes    the largest file
 * @param maxLong     the longest side in pixels (platforms name a landscape frame and take it turned, too)
 * @param maxShort    the shorter side in pixels
 * @param minSide     the smallest side in pixels
 * @param maxPixels   width × height
 * @param minAspect   the tallest width:height it takes
 * @param maxAspect   the widest width:height it takes
 * @param minDuration a video's shortest length
 * @param maxDuration a video's longest length
 */
public record MediaLimits(Set<MediaType> types, long maxBytes, int maxLong, int maxShort, int minSide, long maxPixels,
                          Aspect minAspect, Aspect maxAspect, Duration minDuration, Duration maxDuration) {
    public static final MediaLimits NONE = new MediaLimits(Set.of(), 0, 0, 0, 0, 0, null, null, null, null);

    public MediaLimits {
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    }

    /** Takes these formats up to this many bytes, with no other bound yet. */
    public static MediaLimits of(long maxBytes, MediaType... types) {
        return new MediaLimits(Set.of(types), maxBytes, 0, 0, 0, 0, null, null, null, null);
    }

    /** The largest frame, named as the platform names it (landscape); the same frame turned is taken too. */
    public MediaLimits frame(int width, int height) {
        return new MediaLimits(types, maxBytes, Math.max(width, height), Math.min(width, height), minSide, maxPixels,
                minAspect, maxAspect, minDuration, maxDuration);
    }

    public MediaLimits minSide(int pixels) {
        return new MediaLimits(types, maxBytes, maxLong, maxShort, pixels, maxPixels, minAspect, maxAspect,
                minDuration, maxDuration);
    }

    public MediaLimits pixels(long max) {
        return new MediaLimits(types, maxBytes, maxLong, maxShort, minSide, max, minAspect, maxAspect,
                minDuration, maxDuration);
    }

    /** From the tallest to the widest width:height, e.g. "1:3" to "3:1". */
    public MediaLimits aspect(String tallest, String widest) {
        return new MediaLimits(types, maxBytes, maxLong, maxShort, minSide, maxPixels, Aspect.of(tallest),
                Aspect.of(widest), minDuration, maxDuration);
    }

    /** A video's length, from min (null for none) to max. */
    public MediaLimits length(Duration min, Duration max) {
        return new MediaLimits(types, maxBytes, maxLong, maxShort, minSide, maxPixels, minAspect, maxAspect, min, max);
    }

    public boolean takes(MediaType type) {
        return types.contains(type);
    }

    /**
     * What is wrong with one item, each a phrase that follows "the video is ..." ("3 min 10 s, at most 3 min");
     * empty when it fits. A format it does not take is the only problem named, as the rest would not matter.
     */
    public List<String> problems(MediaFacts facts) {
        if (!takes(facts.type())) {
            String file = "in " + facts.type().displayName() + " format";
            return List.of(types.isEmpty() ? file + ", and it takes no " + (facts.isVideo() ? "videos" : "images")
                    : file + ", not " + names());
        }
        List<String> found = new ArrayList<>();
        if (maxBytes > 0 && facts.size() > maxBytes) {
            found.add(Amounts.bytes(facts.size(), maxBytes) + ", at most " + Amounts.bytes(maxBytes, maxBytes));
        }
        int w = facts.width();
        int h = facts.height();
        if (w > 0 && h > 0) {
            String frame = w + "×" + h;
            if ((maxLong > 0 && Math.max(w, h) > maxLong) || (maxShort > 0 && Math.min(w, h) > maxShort)) {
                found.add(frame + ", at most " + maxLong + "×" + maxShort);
            } else if (maxPixels > 0 && (long) w * h > maxPixels) {
                found.add(frame + ", at most " + String.format("%,d", maxPixels) + " pixels");
            }
            if (minSide > 0 && Math.min(w, h) < minSide) {
                found.add(frame + ", at least " + minSide + " pixels a side");
            }
            double ratio = (double) w / h;
            if ((minAspect != null && ratio < minAspect.value() - 0.005)
                    || (maxAspect != null && ratio > maxAspect.value() + 0.005)) {
                found.add(Aspect.describe(w, h) + " (width:height), from " + minAspect + " to " + maxAspect);
            }
        }
        Duration length = facts.duration();
        if (length == null && facts.isVideo() && (maxDuration != null || minDuration != null)) {
            found.add("of a length its file does not give, and it takes " + (maxDuration != null
                    ? "at most " + Amounts.duration(maxDuration) : "at least " + Amounts.duration(minDuration)));
        }
        if (length != null && maxDuration != null && length.compareTo(maxDuration) > 0) {
            found.add(Amounts.duration(length) + ", at most " + Amounts.duration(maxDuration));
        }
        if (length != null && minDuration != null && length.compareTo(minDuration) < 0) {
            found.add(Amounts.duration(length) + ", at least " + Amounts.duration(minDuration));
        }
        return found;
    }

    private String names() {
        List<String> names = types.stream().sorted().map(MediaType::displayName).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** A width:height ratio as platforms write it ("1.91:1"). */
    public record Aspect(String text, double value) {
        static Aspect of(String text) {
            String[] parts = text.split(":");
            return new Aspect(text, Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]));
        }

        /** A frame's ratio as people read it: "4:1", "1:2.37". */
        static String describe(int width, int height) {
            double ratio = width >= height ? (double) width / height : (double) height / width;
            String side = Amounts.decimal(ratio, 2);
            return width >= height ? side + ":1" : "1:" + side;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
