package org.ngrelay.core.sdp;

import java.net.Inet6Address;
import java.net.InetAddress;

/** A parsed {@code c=} line: {@code IN IP4|IP6 <address>[/ttl]}. */
public record Connection(String addressType, InetAddress address) {

    static Connection parse(String value) throws SdpException {
        String[] parts = value.trim().split(" +");
        if (parts.length != 3 || !parts[0].equals("IN")) {
            throw new SdpException(SdpException.FAILED_TO_PARSE, "bad c= line '" + value + "'");
        }
        String addressText = parts[2];
        int slash = addressText.indexOf('/');
        if (slash >= 0) {
            addressText = addressText.substring(0, slash); // multicast TTL / count
        }
        InetAddress address = Addresses.parseLiteral(addressText);
        boolean v6 = parts[1].equals("IP6");
        if (address == null || !(v6 || parts[1].equals("IP4")) || (address instanceof Inet6Address) != v6) {
            throw new SdpException(SdpException.FAILED_TO_PARSE, "bad address in c= line '" + value + "'");
        }
        return new Connection(parts[1], address);
    }

    public static String format(InetAddress address) {
        return "IN " + (address instanceof Inet6Address ? "IP6 " : "IP4 ") + Addresses.toText(address);
    }
}
