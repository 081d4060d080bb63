package org.ngrelay.core.call;

import java.net.InetAddress;
import org.ngrelay.core.path.EndpointLearning;

/**
 * How ngrelay learns and checks the address of the party that sent the SDP.
 *
 * @param sipSourceAddress use {@code receivedFrom} instead of the SDP's c= address (keeping the port)
 * @param receivedFrom     the SIP message's source ({@code received-from}), or null
 * @param asymmetric       never learn the endpoint from packets: always send to the SDP address
 * @param strictSource     after learning, drop packets from any other source
 * @param mediaHandover    after learning, move to whichever source sends last
 * @param learning         how the source of the party's packets replaces its SDP address
 */
public record EndpointOptions(boolean sipSourceAddress, InetAddress receivedFrom, boolean asymmetric,
                              boolean strictSource, boolean mediaHandover, EndpointLearning learning) {

    public static final EndpointOptions DEFAULT = new EndpointOptions(false, null, false, false, false, EndpointLearning.DELAYED);

    public EndpointOptions {
        if (learning == null) {
            throw new IllegalArgumentException("learning is required");
        }
    }
}
