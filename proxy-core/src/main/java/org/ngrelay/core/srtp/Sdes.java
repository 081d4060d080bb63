package org.ngrelay.core.srtp;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.ngrelay.core.sdp.CryptoLine;

/**
 * SDES keys (RFC 4568): the lines ngrelay offers an SRTP party, the twelve of rtpengine 10.5 in
 * its order of suites (golden/rtpengine-10.5/sdes: AEAD_AES_*_GCM first, F8 before NULL), each
 * with a fresh master key and salt.
 */
public final class Sdes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Sdes() {
    }

    /**
     * One line per suite, tags from 1, leaving out the suites the {@code SDES} words name as
     * {@code no-SUITE} (tags renumbered, as 10.5 does).
     */
    public static List<CryptoLine> offer(List<String> sdes) {
        List<CryptoLine> lines = new ArrayList<>();
        for (SrtpSuite suite : SrtpSuite.values()) {
            if (!excluded(sdes, suite)) {
                lines.add(CryptoLine.of(lines.size() + 1, suite.name(), fresh(suite)));
            }
        }
        return lines;
    }

    /** {@code SDES: [off]} (also {@code no}, {@code disable}): no SDES at all. */
    public static boolean off(List<String> sdes) {
        for (String word : sdes) {
            if (word.equalsIgnoreCase("off") || word.equalsIgnoreCase("no") || word.equalsIgnoreCase("disable")) {
                return true;
            }
        }
        return false;
    }

    private static boolean excluded(List<String> sdes, SrtpSuite suite) {
        for (String word : sdes) {
            if (word.regionMatches(true, 0, "no-", 0, 3) && word.substring(3).equalsIgnoreCase(suite.name())) {
                return true;
            }
        }
        return false;
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
