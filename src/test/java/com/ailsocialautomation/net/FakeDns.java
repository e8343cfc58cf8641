package com.ailsocialautomation.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A resolver that knows only the names a test gave it, and remembers every question. No real DNS. */
final class FakeDns implements Resolver {
    private final Map<String, List<List<InetAddress>>> answers = new HashMap<>();
    final List<String> lookups = new CopyOnWriteArrayList<>();

    /** The host resolves to all of these addresses at once. */
    FakeDns with(String host, String... addresses) {
        answers.computeIfAbsent(host, h -> new CopyOnWriteArrayList<>()).add(parse(addresses));
        return this;
    }

    @Override
    public synchronized List<InetAddress> resolve(String host) throws UnknownHostException {
        lookups.add(host);
        List<List<InetAddress>> queue = answers.get(host);
        if (queue == null || queue.isEmpty()) {
            throw new UnknownHostException(host);
        }
        // each with(...) for the same host is the next answer: a rebinding name
        return queue.size() > 1 ? queue.remove(0) : queue.get(0);
    }

    static List<InetAddress> parse(String... addresses) {
        return java.util.Arrays.stream(addresses).map(FakeDns::literal).toList();
    }

    /** Literals only, so no lookup; IPv4-mapped forms stay IPv6 objects, as a resolver might hand them over. */
    static InetAddress literal(String text) {
        try {
            InetAddress parsed = InetAddress.getByName(text);
            if (text.contains(":") && parsed.getAddress().length == 4) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
                return java.net.Inet6Address.getByAddress(null, mapped, -1);
            }
            return parsed;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
