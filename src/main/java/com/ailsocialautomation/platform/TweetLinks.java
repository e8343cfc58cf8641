package com.ailsocialautomation.platform;

import com.twitter.twittertext.TldLists;

import java.net.IDN;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds links where twitter-text's Extractor finds them, in linear time. Its URL pattern backtracks over every way
 * to split a run like {@code a.a.a.…} into labels (seconds for a few KB), so the same rules are followed here by
 * scanning: a host is labels ending in a known top-level domain, the longest one that works from each start, then an
 * optional port, a path that ends in a path-ending character or a balanced parenthesis, and a query. Each label
 * chain is evaluated once per position and reused, so no input is read more than a constant number of times.
 * HeavyInputTest and TweetLinksTest check both the speed and the agreement with twitter-text.
 */
public final class TweetLinks {
    /** Where a link is: [start, end) in the text it was found in. */
    public record Span(int start, int end) {}

    private static final int MAX_URL_LENGTH = 4096; // twitter-text's Extractor.MAX_URL_LENGTH
    private static final int MAX_TCO_SLUG = 40;
    private static final Map<String, Integer> GTLDS = ranks(TldLists.GTLDS);
    private static final Map<String, Integer> CCTLDS = ranks(TldLists.CTLDS);
    private static final int[] TLD_LENGTHS = TldLists.GTLDS.stream().mapToInt(String::length)
            .collect(TreeSet<Integer>::new, TreeSet::add, TreeSet::addAll).stream().mapToInt(Integer::intValue).toArray();
    private static final int[] CCTLD_LENGTHS = TldLists.CTLDS.stream().mapToInt(String::length)
            .collect(TreeSet<Integer>::new, TreeSet::add, TreeSet::addAll).stream().mapToInt(Integer::intValue).toArray();

    private final String s;
    private final int n;
    private final int[] best; // per position: the last start of a label chain whose name and TLD match; -1 none; -2 unknown
    // per position: where the run of subdomain characters, of domain-name characters, of path characters ends
    private final int[] subdomainRun;
    private final int[] nameRun;
    private final int[] pathRun;

    private TweetLinks(String text) {
        s = text;
        n = text.length();
        best = new int[n + 1];
        java.util.Arrays.fill(best, -2);
        subdomainRun = new int[n + 1];
        nameRun = new int[n + 1];
        pathRun = new int[n + 1];
        subdomainRun[n] = nameRun[n] = pathRun[n] = n;
        for (int i = n - 1; i >= 0; i--) {
            char c = s.charAt(i);
            boolean name = isDomainChar(c) || c == '-';
            nameRun[i] = name ? nameRun[i + 1] : i;
            subdomainRun[i] = name || c == '_' ? subdomainRun[i + 1] : i;
            pathRun[i] = isPathChar(c) ? pathRun[i + 1] : i;
        }
    }

    /** The links in {@code text}; {@code withoutProtocol}: also bare domains (X), or only http(s):// ones (Mastodon). */
    public static List<Span> find(String text, boolean withoutProtocol) {
        return new TweetLinks(text).all(withoutProtocol);
    }

    private List<Span> all(boolean withoutProtocol) {
        List<Span> found = new ArrayList<>();
        int from = 0;
        int at = 0;
        while (at <= n) {
            Match m = null;
            int before = -1;
            if (at < n && precedes(s.codePointAt(at))) {
                before = at;
                m = linkAt(at + Character.charCount(s.codePointAt(at)));
            }
            if (m == null && at == 0) {
                before = -1;
                m = linkAt(0);
            }
            if (m == null) {
                at++;
                continue;
            }
            keep(m, before, withoutProtocol, found);
            from = m.end;
            at = from;
        }
        return found;
    }

    private record Match(int start, int hostStart, int hostEnd, int end, boolean protocol) {}

    private void keep(Match m, int before, boolean withoutProtocol, List<Span> found) {
        if (!m.protocol && (!withoutProtocol || before >= 0 && "-_./".indexOf(s.charAt(before)) >= 0)) {
            return;
        }
        int end = m.end;
        String url = s.substring(m.start, m.end);
        String lower = url.toLowerCase(Locale.ROOT);
        int slash = lower.startsWith("https://t.co/") ? 13 : lower.startsWith("http://t.co/") ? 12 : -1;
        if (slash > 0) {
            int slug = slash;
            while (slug < url.length() && isAsciiAlnum(url.charAt(slug))) {
                slug++;
            }
            if (slug > slash) {
                if (slug - slash > MAX_TCO_SLUG) {
                    return;
                }
                end = m.start + slug;
                if (slug < url.length() && url.charAt(slug) == '?') {
                    int q = query(m.start + slug, m.end);
                    end = q > 0 ? q : end;
                }
            }
        }
        String host = s.substring(m.hostStart, m.hostEnd);
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return;
        }
        int length = end - m.start + ascii.length() - host.length() + (m.protocol ? 0 : "https://".length());
        if (!ascii.isEmpty() && length <= MAX_URL_LENGTH) {
            found.add(new Span(m.start, end));
        }
    }

    private Match linkAt(int p) {
        int protocol = s.regionMatches(true, p, "https://", 0, 8) ? 8 : s.regionMatches(true, p, "http://", 0, 7) ? 7 : 0;
        int host = protocol > 0 ? host(p + protocol) : -1;
        int hostStart = p + protocol;
        if (host < 0) {
            protocol = 0;
            hostStart = p;
            host = host(p);
        }
        if (host < 0) {
            return null;
        }
        int end = host;
        if (end + 1 < n && s.charAt(end) == ':' && isDigit(s.charAt(end + 1))) {
            end++;
            while (end < n && isDigit(s.charAt(end))) {
                end++;
            }
        }
        if (end < n && s.charAt(end) == '/') {
            end++;
            for (int next = pathStep(end); next > 0; next = pathStep(end)) {
                end = next;
            }
        }
        if (end < n && s.charAt(end) == '?') {
            int q = query(end, n);
            end = q > 0 ? q : end;
        }
        return new Match(p, hostStart, host, end, protocol > 0);
    }

    /** The end of the host starting at {@code q}, or -1. */
    private int host(int q) {
        int last = chain(q);
        if (last >= 0) {
            return tldAfterName(last, true);
        }
        if (s.regionMatches(true, q - 8, "https://", 0, 8) || s.regionMatches(true, q - 7, "http://", 0, 7)) {
            int r = q;
            while (r < n && (isUnicodeLabel(s.codePointAt(r)) || s.charAt(r) == '-')) {
                r += Character.charCount(s.codePointAt(r));
            }
            if (r > q && r < n && s.charAt(r) == '.' && isUnicodeLabel(s.codePointAt(q))
                    && isUnicodeLabel(s.codePointBefore(r))) {
                return tld(r + 1, false);
            }
        }
        return -1;
    }

    /** Of the label chain from {@code i}, the furthest label that is a domain name followed by a TLD; -1 none. */
    private int chain(int i) {
        List<Integer> open = new ArrayList<>();
        int at = i;
        while (best[at] == -2) {
            open.add(at);
            int next = subdomain(at);
            if (next < 0) {
                break;
            }
            at = next;
        }
        int known = best[at] == -2 ? -1 : best[at];
        for (int k = open.size() - 1; k >= 0; k--) {
            int p = open.get(k);
            if (known < 0 && tldAfterName(p, true) >= 0) {
                known = p;
            }
            best[p] = known;
        }
        return best[i];
    }

    /** A subdomain label with its dot at {@code i} (letters, digits, - and _, a letter or digit at each end). */
    private int subdomain(int i) {
        int r = subdomainRun[i];
        return r > i && r < n && s.charAt(r) == '.' && isDomainChar(s.charAt(i)) && isDomainChar(s.charAt(r - 1))
                ? r + 1 : -1;
    }

    /** The end of a domain name label at {@code i} (no _) followed by a top-level domain; -1 none. */
    private int tldAfterName(int i, boolean anyTld) {
        int r = nameRun[i];
        if (r > i && r < n && s.charAt(r) == '.' && isDomainChar(s.charAt(i)) && isDomainChar(s.charAt(r - 1))) {
            return tld(r + 1, anyTld);
        }
        return -1;
    }

    /** The end of the TLD at {@code k} as the pattern picks it (generic first, then country, then punycode); -1 none. */
    private int tld(int k, boolean punycode) {
        int end = listed(k, GTLDS, TLD_LENGTHS);
        if (end < 0) {
            end = listed(k, CCTLDS, CCTLD_LENGTHS);
        }
        if (end < 0 && punycode && s.regionMatches(true, k, "xn--", 0, 4)) {
            int r = k + 4;
            while (r < n && (isAsciiAlnum(s.charAt(r)) || s.charAt(r) == '-')) {
                r++;
            }
            end = r > k + 4 ? r : -1;
        }
        return end;
    }

    private int listed(int k, Map<String, Integer> tlds, int[] lengths) {
        if (k < n && isAsciiAlnum(s.charAt(k))) {
            // an ASCII TLD must be followed by something other than [a-z0-9@+-]: only the whole run can be one
            int r = k;
            while (r < n && isAsciiAlnum(s.charAt(r))) {
                r++;
            }
            return (r == n || !endsTld(s.charAt(r))) && tlds.containsKey(asciiLower(s.substring(k, r))) ? r : -1;
        }
        int rank = Integer.MAX_VALUE;
        int end = -1;
        for (int length : lengths) {
            int after = k + length;
            if (after > n || after < n && endsTld(s.charAt(after))) {
                continue;
            }
            Integer r = tlds.get(s.substring(k, after));
            if (r != null && r < rank) {
                rank = r;
                end = after;
            }
        }
        return end;
    }

    /**
     * One repetition of the path pattern at {@code q}: path characters and balanced parentheses, ending at the last
     * path-ending character after the last parenthesis, else at that parenthesis; -1 when neither.
     */
    private int pathStep(int q) {
        int x = pathRun(q);
        int lastStart = q;
        int parens = -1;
        for (int b = parens(x); b > 0; b = parens(x)) {
            parens = b;
            lastStart = b;
            x = pathRun(b);
        }
        for (int t = x - 1; t >= lastStart; t--) {
            if (isPathEnding(s.charAt(t))) {
                return t + 1;
            }
        }
        return parens;
    }

    /** A balanced parenthesis group at {@code y}, one nesting level deep, as the path pattern allows; its end or -1. */
    private int parens(int y) {
        if (y >= n || s.charAt(y) != '(') {
            return -1;
        }
        int a = pathRun(y + 1);
        if (a > y + 1 && a < n && s.charAt(a) == ')') {
            return a + 1;
        }
        if (a < n && s.charAt(a) == '(') {
            int c = pathRun(a + 1);
            if (c > a + 1 && c < n && s.charAt(c) == ')') {
                int d = pathRun(c + 1);
                return d < n && s.charAt(d) == ')' ? d + 1 : -1;
            }
        }
        return -1;
    }

    private int pathRun(int i) {
        return pathRun[i];
    }

    /** The end of a query at {@code q} (a '?'): up to its last query-ending character before {@code limit}; -1 none. */
    private int query(int q, int limit) {
        int r = q + 1;
        while (r < limit && "!?*'();:&=+$/%#[]-_.,~|@".indexOf(s.charAt(r)) >= 0 || r < limit && isAsciiAlnum(s.charAt(r))) {
            r++;
        }
        for (int t = r - 1; t > q; t--) {
            char c = s.charAt(t);
            if (isAsciiAlnum(c) || "-_&=#/".indexOf(c) >= 0) {
                return t + 1;
            }
        }
        return -1;
    }

    private static boolean precedes(int cp) {
        return !(isAsciiAlnum(cp) || "@\uFF20$#\uFF03\uFFFE\uFEFF\uFFFF".indexOf(cp) >= 0);
    }

    private static boolean endsTld(char c) {
        return isAsciiAlnum(c) || c == '@' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return isAsciiAlnum(c) || isLatinAccent(c);
    }

    private static boolean isPathChar(char c) {
        return isAsciiAlnum(c) || "!*';:=+,.$/%#[]-\u2013_~|&@".indexOf(c) >= 0 || isLatinAccent(c) || isCyrillic(c);
    }

    private static boolean isPathEnding(char c) {
        return isAsciiAlnum(c) || "=_#/-+".indexOf(c) >= 0 || isLatinAccent(c) || isCyrillic(c);
    }

    /** A character of a Unicode domain label: neither ASCII punctuation, nor a space, nor general punctuation. */
    private static boolean isUnicodeLabel(int cp) {
        if ("-_!\"#$%&'()*+,./:;<=>?@[]^`{|}~".indexOf(cp) >= 0 || cp == ' ' || cp >= '\t' && cp <= '\r') {
            return false;
        }
        int type = Character.getType(cp);
        boolean separator = type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
        return !separator && !(cp >= 0x2000 && cp <= 0x206F);
    }

    private static boolean isLatinAccent(char c) {
        return c >= 0xC0 && c <= 0xD6 || c >= 0xD8 && c <= 0xF6 || c >= 0xF8 && c <= 0x24F
                || "\u0253\u0254\u0256\u0257\u0259\u025b\u0263\u0268\u026f\u0272\u0289\u028b\u02bb".indexOf(c) >= 0
                || c >= 0x300 && c <= 0x36F || c >= 0x1E00 && c <= 0x1EFF;
    }

    private static boolean isCyrillic(char c) {
        return c >= 0x400 && c <= 0x4FF;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiAlnum(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** The pattern is case-insensitive for ASCII only. */
    private static String asciiLower(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = chars[i] >= 'A' && chars[i] <= 'Z' ? (char) (chars[i] + 32) : chars[i];
        }
        return new String(chars);
    }

    private static Map<String, Integer> ranks(List<String> tlds) {
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < tlds.size(); i++) {
            ranks.putIfAbsent(tlds.get(i), i);
        }
        return ranks;
    }
}
