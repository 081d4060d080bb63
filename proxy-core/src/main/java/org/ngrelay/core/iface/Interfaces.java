package org.ngrelay.core.iface;

import java.util.ArrayList;
import java.util.List;
import org.ngrelay.core.port.PortPool;

/** Every configured interface; picks the one a media section is relayed on. */
public final class Interfaces {

    private final List<LocalInterface> all;

    public Interfaces(List<InterfaceSpec> specs, int portMin, int portMax) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("at least one --interface is required");
        }
        List<LocalInterface> list = new ArrayList<>();
        for (InterfaceSpec spec : specs) {
            list.add(new LocalInterface(spec.name(), spec.address(), spec.advertised(), new PortPool(portMin, portMax)));
        }
        this.all = List.copyOf(list);
    }

    public List<LocalInterface> all() {
        return all;
    }

    /**
     * The interface for one side of a call: by name when {@code direction} named one, otherwise
     * the first of the wanted family (the SDP's, or {@code address-family}), otherwise the first.
     *
     * @return null when a name was given that no interface has
     */
    public LocalInterface select(String name, boolean ipv6) {
        if (name != null && !name.isEmpty()) {
            LocalInterface byFamily = null;
            for (LocalInterface i : all) {
                if (i.name().equals(name)) {
                    if (i.ipv6() == ipv6) {
                        return i;
                    }
                    if (byFamily == null) {
                        byFamily = i;
                    }
                }
            }
            return byFamily;
        }
        for (LocalInterface i : all) {
            if (i.ipv6() == ipv6) {
                return i;
            }
        }
        return all.get(0);
    }

    public int portsUsed() {
        int n = 0;
        for (LocalInterface i : all) {
            n += 2 * i.ports().pairsInUse();
        }
        return n;
    }

    public int portsTotal() {
        int n = 0;
        for (LocalInterface i : all) {
            n += 2 * i.ports().pairsTotal();
        }
        return n;
    }
}
