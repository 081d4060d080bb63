package org.ngrelay.core.srtp;

import java.util.List;
import java.util.Set;

/**
 * What an offer's {@code SDES} and {@code OSRTP} words ask of ngrelay's SDES (RFC 4568) signalling,
 * typed (the ng layer reads the spellings). rtpengine 10.5 knows {@code off}, {@code no-SUITE},
 * the session parameters, {@code lifetime}, {@code pad}, {@code static} and OSRTP {@code offer};
 * {@code only-SUITE}, {@code nonew}, {@code prefer} and {@code order} are newer rtpengine's words,
 * which 10.5 ignores (recorded in golden/rtpengine-10.5/sdes).
 *
 * @param off                 no SDES at all ({@code off}, {@code no}, {@code disable})
 * @param excluded            suite names left out of ngrelay's lines ({@code no-SUITE})
 * @param only                when not empty, the only suites ngrelay offers ({@code only-SUITE})
 * @param unencryptedSrtp     {@code UNENCRYPTED_SRTP} on every offered line
 * @param unencryptedSrtcp    {@code UNENCRYPTED_SRTCP} on every offered line
 * @param unauthenticatedSrtp {@code UNAUTHENTICATED_SRTP} on every offered line
 * @param encryptedSrtp       the opposite: an offerer's {@code UNENCRYPTED_SRTP} does not go on
 * @param encryptedSrtcp      the same for {@code UNENCRYPTED_SRTCP}
 * @param authenticatedSrtp   the same for {@code UNAUTHENTICATED_SRTP}
 * @param lifetime            {@code |2^31} on every offered line
 * @param pad                 ngrelay's keys in padded base64
 * @param keepKeys            {@code static}: a re-offer keeps all of ngrelay's keys, not only the one answered
 * @param noNew               {@code nonew}: an SDES offer goes on with the offerer's lines alone
 * @param prefer              {@code prefer}: the offerer is answered on the suite ngrelay ranks first, not its first line
 * @param order               {@code order:A,B}: these suites first, in this order
 * @param osrtpOffer          {@code OSRTP: [offer]}: a plain offer goes on as RTP/AVP with ngrelay's lines (RFC 8643)
 * @param osrtpAccept         {@code OSRTP: [accept]}: an RTP/AVP offer with crypto lines is SRTP-capable (10.5 treats it so anyway)
 */
public record SdesOptions(boolean off, Set<String> excluded, Set<String> only, boolean unencryptedSrtp, boolean unencryptedSrtcp,
                          boolean unauthenticatedSrtp, boolean encryptedSrtp, boolean encryptedSrtcp, boolean authenticatedSrtp,
                          boolean lifetime, boolean pad, boolean keepKeys, boolean noNew, boolean prefer, List<String> order,
                          boolean osrtpOffer, boolean osrtpAccept) {

    public static final SdesOptions DEFAULT = new SdesOptions(false, Set.of(), Set.of(), false, false, false, false, false, false,
            false, false, false, false, false, List.of(), false, false);

    public SdesOptions {
        excluded = Set.copyOf(excluded);
        only = Set.copyOf(only);
        order = List.copyOf(order);
    }

    /** Whether ngrelay offers {@code suite} at all. */
    public boolean offers(SrtpSuite suite) {
        return !excluded.contains(suite.name()) && (only.isEmpty() || only.contains(suite.name()));
    }
}
