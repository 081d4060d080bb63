package org.ngrelay.core.srtp;

import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * rtpengine's SRTP key logging: every master key ngrelay starts a context with, in the debug log
 * (the srtp subsystem at level 7), or in the error log with {@code --log-srtp-keys}, so an
 * operator can decrypt a capture. Written when a context is made (offer, answer, handshake), never
 * per packet.
 */
public final class SrtpKeyLog {

    private static final Logger LOG = Logger.getLogger(SrtpKeyLog.class.getName());
    private static volatile boolean toErrorLog;

    private SrtpKeyLog() {
    }

    /** {@code --log-srtp-keys}. */
    public static void toErrorLog(boolean on) {
        toErrorLog = on;
    }

    /** @param what e.g. {@code "DTLS inbound"}, {@code "SDES outbound"} */
    public static void key(String logPrefix, String what, SrtpSuite suite, byte[] master) {
        Level level = toErrorLog ? Level.SEVERE : Level.FINEST;
        if (LOG.isLoggable(level)) {
            LOG.log(level, logPrefix + " SRTP " + what + " key: " + suite + " inline:" + Base64.getEncoder().withoutPadding().encodeToString(master));
        }
    }
}
