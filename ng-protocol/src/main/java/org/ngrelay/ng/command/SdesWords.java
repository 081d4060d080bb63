package org.ngrelay.ng.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import org.ngrelay.core.srtp.SdesOptions;

/**
 * The {@code SDES} key's words (and {@code SDES-WORD} flags) and the {@code OSRTP} key's (and
 * {@code OSRTP-WORD} flags), as rtpengine spells them, into {@link SdesOptions}. Suite names keep
 * their case; the other words are compared without it. Unknown words are ignored, as rtpengine does.
 */
final class SdesWords {

    private static final Logger LOG = Logger.getLogger(SdesWords.class.getName());

    private SdesWords() {
    }

    static SdesOptions parse(List<String> sdes, List<String> osrtp) {
        boolean off = false;
        Set<String> excluded = new HashSet<>();
        Set<String> only = new HashSet<>();
        List<String> order = new ArrayList<>();
        boolean[] w = new boolean[11];
        for (String raw : sdes) {
            String word = raw.trim();
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.startsWith("no-")) {
                excluded.add(word.substring(3));
            } else if (lower.startsWith("only-")) {
                only.add(word.substring(5));
            } else if (lower.startsWith("order:")) {
                for (String s : word.substring(6).split(",")) {
                    if (!s.isBlank()) {
                        order.add(s.trim());
                    }
                }
            } else {
                switch (lower) {
                    case "off", "no", "disable" -> off = true;
                    case "unencrypted_srtp" -> w[0] = true;
                    case "unencrypted_srtcp" -> w[1] = true;
                    case "unauthenticated_srtp" -> w[2] = true;
                    case "encrypted_srtp" -> w[3] = true;
                    case "encrypted_srtcp" -> w[4] = true;
                    case "authenticated_srtp" -> w[5] = true;
                    case "lifetime" -> w[6] = true;
                    case "pad" -> w[7] = true;
                    case "static" -> w[8] = true;
                    case "nonew" -> w[9] = true;
                    case "prefer" -> w[10] = true;
                    default -> LOG.fine(() -> "unknown SDES word '" + raw + "' ignored");
                }
            }
        }
        boolean osrtpOffer = false;
        boolean osrtpAccept = false;
        for (String raw : osrtp) {
            switch (raw.trim().toLowerCase(Locale.ROOT)) {
                case "offer" -> osrtpOffer = true;
                case "accept" -> osrtpAccept = true;
                default -> LOG.fine(() -> "unknown OSRTP word '" + raw + "' ignored");
            }
        }
        return new SdesOptions(off, excluded, only, w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], w[10], order,
                osrtpOffer, osrtpAccept);
    }
}
