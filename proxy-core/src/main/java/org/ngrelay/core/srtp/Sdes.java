package org.ngrelay.core.srtp;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.ngrelay.core.sdp.CryptoLine;

/**
 * SDES keys (RFC 4568): the lines ngrelay offers an SRTP party, in rtpengine 10.5's order of
 * suites (golden/rtpengine-10.5/sdes: it also offers AEAD_AES_*_GCM first and F8 before NULL,
 * which this package does not implement yet), each with a fresh master key and salt.
 */
public final class Sdes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Sdes() {
    }

    /** One line per suite, tags from 1. */
    public static List<CryptoLine> offer() {
        List<CryptoLine> lines = new ArrayList<>();
        for (SrtpSuite suite : SrtpSuite.values()) {
            lines.add(CryptoLine.of(lines.size() + 1, suite.name(), fresh(suite)));
        }
        return lines;
    }

    /** A fresh master key and salt for {@code suite}. */
    public static byte[] fresh(SrtpSuite suite) {
        byte[] master = new byte[suite.masterBytes()];
        RANDOM.nextBytes(master);
        return master;
    }

    /** The suite of {@code line} when this package implements it and the key has its length; else null. */
    public static SrtpSuite usable(CryptoLine line) {
        SrtpSuite suite = SrtpSuite.named(line.suite());
        return suite != null && line.master().length == suite.masterBytes() ? suite : null;
    }
}
