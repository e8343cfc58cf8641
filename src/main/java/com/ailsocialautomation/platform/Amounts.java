package com.ailsocialautomation.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** Sizes and lengths as a person reads them in a reply: "6.2 MB", "3 min 10 s". */
final class Amounts {
    private static final long MB = 1_000_000;
    private static final long KB = 1_000;

    private Amounts() {}

    /**
     * A byte count beside the limit it is compared with: with one decimal in the limit's unit, or in bytes where
     * rounding would make it read like the limit ("5.0 MB, at most 5 MB").
     */
    static String bytes(long size, long limit) {
        long unit = limit >= MB ? MB : KB;
        String name = unit == MB ? " MB" : " KB";
        String shown = decimal((double) size / unit, 1) + name;
        String cap = decimal((double) limit / unit, 1) + name;
        if (size != limit && shown.equals(cap)) {
            return String.format("%,d bytes", size);
        }
        return shown;
    }

    /** "3 min 10 s", "2 min", "0.5 s", "2 min 20.4 s": tenths only where they are not zero. */
    static String duration(Duration length) {
        long tenths = (length.toMillis() + 50) / 100;
        long minutes = tenths / 600;
        double seconds = (tenths % 600) / 10.0;
        String secs = decimal(seconds, 1) + " s";
        if (minutes == 0) {
            return secs;
        }
        return minutes + " min" + (seconds == 0 ? "" : " " + secs);
    }

    /** A number with at most this many decimals, trailing zeros dropped: 6.2, 5, 2.37. */
    static String decimal(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
