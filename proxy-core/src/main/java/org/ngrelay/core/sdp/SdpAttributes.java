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

    static boolean isDirection(String value) {
        return DIRECTIONS.contains(value);
    }
}
