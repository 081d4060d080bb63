package org.ngrelay.core.sdp;

import java.util.Set;

/** Which attributes rtpengine 10.5 regenerates or removes instead of passing through in place. */
final class SdpAttributes {

    private SdpAttributes() {
    }

    static final Set<String> DIRECTIONS = Set.of("sendrecv", "sendonly", "recvonly", "inactive");

    /** ICE (RFC 8839) attributes: removed with ICE=remove; rtpengine never passes the peer's on. */
    static final Set<String> ICE = Set.of("ice-ufrag", "ice-pwd", "ice-options", "ice-lite", "ice-mismatch",
            "candidate", "end-of-candidates", "remote-candidates", "ice-pacing");

    /** {@code a=group:BUNDLE ...} (RFC 9143): rtpengine 10.5 relays each m= on its own ports. */
    static boolean isBundleGroup(SdpLine line) {
        return line.attributeIs("group") && line.attributeValue().startsWith("BUNDLE");
    }

    static boolean isDirection(String value) {
        return DIRECTIONS.contains(value);
    }
}
