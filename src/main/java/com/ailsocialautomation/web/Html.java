package com.ailsocialautomation.web;

/** Plain, self-contained HTML pages with every piece of text escaped. */
public final class Html {
    /** The pages' only style; the Content-Security-Policy allows exactly this text by its hash, and no script at all. */
    static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;line-height:1.5}"
            + "pre{white-space:pre-wrap}";

    private Html() {}

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    public static String p(String text) {
        return "<p>" + escape(text) + "</p>";
    }

    /** A whole page; {@code bodyHtml} must already be escaped (build it with {@link #p} and friends). */
    public static String page(String title, String bodyHtml) {
        return page(title, bodyHtml, "");
    }

    /**
     * The same with {@code headHtml} at the end of the head: links to AIL's own stylesheet or script, which the page's
     * response must allow with {@link SecurityHeaders#allowOwnAssets}.
     */
    public static String page(String title, String bodyHtml, String headHtml) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " · AIL</title>"
                + "<style>" + STYLE + "</style>" + headHtml + "</head><body><h1>" + escape(title) + "</h1>" + bodyHtml
                + "<hr><p><a href=\"/\">AIL</a> · <a href=\"/privacy\">Privacy policy</a>"
                + " · <a href=\"/terms\">Terms of service</a></p></body></html>";
    }
}
