package com.ailsocialautomation.schedule;

/**
 * Quotes what a person typed inside a one-line error message.
 */
public final class Echo {
    private static final int MAX_CODE_POINTS = 40;

    private Echo() {}

    // A UserError is shown as one line: newlines, control and bidi-format characters in the input would break
    // the line or reorder it on screen, and a pasted essay would bury the actual complaint.
    public static String of(String input) {
        if (input == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int kept = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < input.length(); ) {
            int cp = input.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = kept > 0;
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.SURROGATE || type == Character.PRIVATE_USE) {
                continue;
            }
            if (kept == MAX_CODE_POINTS) {
                return out.append('…').toString();
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
            kept++;
        }
        return out.toString();
    }
}
