package org.ngrelay.core.iface;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.ngrelay.core.port.PortPool;

/**
 * One {@code --interface} entry: sockets bind to {@link #address()}, SDP advertises
 * {@link #advertised()} (the part after {@code !}, for a proxy behind NAT).
 */
public record LocalInterface(String name, InetAddress address, InetAddress advertised, PortPool ports) {

    public boolean ipv6() {
        return address instanceof Inet6Address;
    }

    /** SDP's spelling of the family: {@code IP4} or {@code IP6}. */
    public String family() {
        return ipv6() ? "IP6" : "IP4";
    }
}
