package org.ngrelay.core.call;

import java.util.Arrays;
import java.util.List;
import org.ngrelay.core.sdp.CryptoLine;
import org.ngrelay.core.sdp.MediaSection;
import org.ngrelay.core.srtp.Sdes;
import org.ngrelay.core.srtp.SrtpContext;
import org.ngrelay.core.srtp.SrtpSuite;

/**
 * Where ngrelay terminates SDES-SRTP (RFC 4568) between a plain leg and an SRTP leg, as rtpengine
 * 10.5 does it (golden/rtpengine-10.5/sdes): plain → RTP/SAVP(F) offers the SRTP party ngrelay's
 * own lines (fresh keys) and, when the answer picks one, protects towards it with that line's key
 * and unprotects its packets with the key it answered; RTP/SAVP(F) → plain keeps the offerer's
 * lines and, when the plain side answers, unprotects the offerer with its own key and answers it
 * one line of the same tag and suite with a fresh key. Both SRTP legs, or neither: the crypto
 * lines pass through as they are. Runs on the call's loop, at offer and answer.
 */
final class SdesBridge {

    /** What the SDP towards a party says: the protocol (null: the source's) and the crypto lines (null: the source's). */
    record Plan(String protocol, List<CryptoLine> crypto) {
    }

    private SdesBridge() {
    }

    static boolean plain(String protocol) {
        return protocol.equals("RTP/AVP") || protocol.equals("RTP/AVPF");
    }

    /** A protocol that can carry SDES: RTP/SAVP(F), and UDP/TLS/RTP/SAVP(F) (10.5 offers both SDES and DTLS there). */
    static boolean sdes(String protocol) {
        return protocol.equals("RTP/SAVP") || protocol.equals("RTP/SAVPF") || DtlsBridge.udpTls(protocol);
    }

    /** An offer from {@code sender} towards {@code recipient}; null when ngrelay does not terminate SRTP here. */
    static Plan offer(CallMedia sender, CallMedia recipient, MediaSection m, String transportProtocol, List<String> sdesWords) {
        if (transportProtocol != null && plain(m.protocol()) && sdes(transportProtocol) && !Sdes.off(sdesWords)) {
            sender.partyCrypto = List.of();
            if (recipient.offeredCrypto.isEmpty()) {
                recipient.offeredCrypto = Sdes.offer(sdesWords); // a re-offer keeps the keys (and the contexts' ROC)
            }
            return new Plan(transportProtocol, recipient.offeredCrypto);
        }
        if (transportProtocol != null && sdes(m.protocol()) && plain(transportProtocol)) {
            sender.partyCrypto = m.cryptoLines();
            recipient.offeredCrypto = List.of();
            return new Plan(transportProtocol, List.of());
        }
        sender.partyCrypto = List.of();
        recipient.offeredCrypto = List.of();
        return null;
    }

    /**
     * The answer from {@code sender} (the answerer) to {@code recipient} (the offerer): sets up the
     * SRTP contexts of the SRTP party's media; null when ngrelay does not terminate SRTP here.
     */
    static Plan answer(CallMedia sender, CallMedia recipient, MediaSection m) {
        if (!sender.offeredCrypto.isEmpty()) {
            // ngrelay offered the answerer SDES: its answer line names one of ngrelay's by tag
            for (CryptoLine theirs : m.cryptoLines()) {
                SrtpSuite suite = Sdes.usable(theirs);
                CryptoLine ours = byTag(sender.offeredCrypto, theirs.tag());
                if (suite != null && ours != null && ours.suite().equals(theirs.suite())) {
                    keep(sender, suite, theirs.master(), ours.master());
                    return new Plan(recipient.protocol, List.of());
                }
            }
            clear(sender); // a plain answer (or none usable): plain both ways
            return new Plan(recipient.protocol, List.of());
        }
        if (!recipient.partyCrypto.isEmpty() && plain(m.protocol())) {
            for (CryptoLine theirs : recipient.partyCrypto) {
                SrtpSuite suite = Sdes.usable(theirs);
                if (suite != null) {
                    // the same key again after a re-INVITE, so the offerer's decryption goes on
                    byte[] fresh = recipient.toParty != null && recipient.toParty.suite() == suite ? recipient.toPartyKey : Sdes.fresh(suite);
                    keep(recipient, suite, theirs.master(), fresh);
                    return new Plan(recipient.protocol, List.of(CryptoLine.of(theirs.tag(), theirs.suite(), fresh)));
                }
            }
        }
        return null;
    }

    /**
     * The SRTP party's media unprotects with its key and protects towards it with ngrelay's. A
     * re-INVITE with the same suite and keys keeps the contexts, and with them the roll-over
     * counters and replay windows; a new key starts a new context.
     */
    private static void keep(CallMedia party, SrtpSuite suite, byte[] partyKey, byte[] ourKey) {
        if (party.fromParty == null || party.fromParty.suite() != suite || !Arrays.equals(party.fromPartyKey, partyKey)) {
            party.fromParty = new SrtpContext(suite, partyKey);
            party.fromPartyKey = partyKey.clone();
        }
        if (party.toParty == null || party.toParty.suite() != suite || !Arrays.equals(party.toPartyKey, ourKey)) {
            party.toParty = new SrtpContext(suite, ourKey);
            party.toPartyKey = ourKey.clone();
        }
    }

    static void clear(CallMedia party) {
        party.fromParty = null;
        party.toParty = null;
        party.fromPartyKey = null;
        party.toPartyKey = null;
    }

    private static CryptoLine byTag(List<CryptoLine> lines, int tag) {
        for (CryptoLine c : lines) {
            if (c.tag() == tag) {
                return c;
            }
        }
        return null;
    }
}
