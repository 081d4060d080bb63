package org.ngrelay.core.iface;

import java.net.InetAddress;
import org.ngrelay.core.sdp.Addresses;

/** A parsed {@code --interface} value: {@code [NAME/]ADDR[!ADVERTISED]}. */
public record InterfaceSpec(String name, InetAddress address, InetAddress advertised) {

    /** rtpengine's default interface name when none is given. */
    public static final String DEFAULT_NAME = "default";

    public static InterfaceSpec parse(String value) {
        String rest = value.trim();
        String name = DEFAULT_NAME;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            name = rest.substring(0, slash);
            rest = rest.substring(slash + 1);
        }
        String advertisedText = null;
        int bang = rest.indexOf('!');
        if (bang >= 0) {
            advertisedText = rest.substring(bang + 1);
            rest = rest.substring(0, bang);
        }
        InetAddress address = Addresses.parseLiteral(rest);
        if (address == null || name.isEmpty()) {
            throw new IllegalArgumentException("invalid --interface '" + value + "': expected [NAME/]IP[!IP]");
        }
        InetAddress advertised = address;
        if (advertisedText != null) {
            advertised = Addresses.parseLiteral(advertisedText);
            if (advertised == null) {
                throw new IllegalArgumentException("invalid advertised address in --interface '" + value + "'");
            }
        }
        return new InterfaceSpec(name, address, advertised);
    }
}
