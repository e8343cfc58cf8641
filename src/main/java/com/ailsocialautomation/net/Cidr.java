package com.ailsocialautomation.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block such as {@code 10.0.0.0/8}, with the words a person reads when an address falls inside it. */
record Cidr(byte[] network, int prefixLength, String label) {

    /** Parses a literal block; only ever called on the constants below, so a bad one is a bug. */
    static Cidr of(String block, String label) {
        int slash = block.indexOf('/');
        try {
            // a literal never triggers a DNS lookup
            byte[] network = InetAddress.getByName(block.substring(0, slash)).getAddress();
            return new Cidr(network, Integer.parseInt(block.substring(slash + 1)), label);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address block: " + block, e);
        }
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[whole] & mask) == (network[whole] & mask);
    }
}
