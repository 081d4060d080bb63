package org.ngrelay.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.ngrelay.core.sdp.Addresses;

/** rtpengine's address syntax for its sockets: {@code [IP:]PORT}, {@code [IPv6]:PORT}, {@code HOST:PORT}. */
public final class HostPort {

    private HostPort() {
    }

    /**
     * @param hostIfAbsent the address for a bare port; null for all addresses (a listener)
     * @throws IllegalArgumentException with a message naming the value
     */
    public static InetSocketAddress parse(String value, InetAddress hostIfAbsent) throws UnknownHostException {
        String host = null;
        String port = value;
        if (value.startsWith("[")) {
            int close = value.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException("invalid address '" + value + "': expected [IPv6]:PORT");
            }
            host = value.substring(1, close);
            port = value.substring(close + 2);
        } else {
            int colon = value.lastIndexOf(':');
            if (colon >= 0 && value.indexOf(':') == colon) {
                host = value.substring(0, colon);
                port = value.substring(colon + 1);
            }
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port in '" + value + "'");
        }
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("invalid port in '" + value + "'");
        }
        if (host == null) {
            return hostIfAbsent == null ? new InetSocketAddress(p) : new InetSocketAddress(hostIfAbsent, p);
        }
        InetAddress address = Addresses.parseLiteral(host);
        // A host name is resolved once, at start-up (the Debian config says localhost:2223).
        return new InetSocketAddress(address != null ? address : InetAddress.getByName(host), p);
    }
}
