package org.ngrelay.ng.command;

import java.util.Objects;
import org.ngrelay.core.path.EndpointLearning;

/**
 * Daemon options that change how offers and answers are read.
 *
 * @param sipSource        {@code --sip-source}: media goes to the SIP message's source
 *                         ({@code received-from}) unless the request says {@code trust-address}
 * @param rejectInvalidSdp {@code --reject-invalid-sdp}: an SDP with a blank line is refused
 *                         instead of ending there
 * @param learning         {@code --endpoint-learning}, unless the request's {@code endpoint-learning} key says otherwise
 */
public record NgOptions(boolean sipSource, boolean rejectInvalidSdp, EndpointLearning learning) {

    /** rtpengine 10.5's defaults. */
    public static final NgOptions DEFAULTS = new NgOptions(false, false, EndpointLearning.DELAYED);

    public NgOptions {
        Objects.requireNonNull(learning, "learning");
    }
}
