package org.ngrelay.core.call;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.ngrelay.core.sdp.CryptoLine;
import org.ngrelay.core.sdp.MediaSection;
import org.ngrelay.core.srtp.Sdes;
import org.ngrelay.core.srtp.SdesOptions;
import org.ngrelay.core.srtp.SrtpContext;
import org.ngrelay.core.srtp.SrtpOptions;
import org.ngrelay.core.srtp.SrtpSuite;

/**
 * SDES-SRTP (RFC 4568) through ngrelay as rtpengine 10.5 does it (golden/rtpengine-10.5/sdes):
 * <ul>
 *   <li>plain → RTP/SAVP(F) (or RTP/AVP with {@code OSRTP: [offer]}, RFC 8643): the SRTP party is
 *       offered ngrelay's own lines with fresh keys;</li>
 *   <li>SDES → plain: the offerer's lines stay here and it is answered one line of the tag and
 *       suite of its first usable line, with a fresh key;</li>
 *   <li>SDES ↔ SDES (an RTP/AVP offer with crypto lines counts, as in 10.5): the offerer's lines go
 *       on first, then ngrelay's other suites with fresh keys and tags after the offerer's. An
 *       answer on one of the offerer's own lines is passed back and media passes untouched (same
 *       keys end to end); an answer on one of ngrelay's lines makes ngrelay terminate SRTP on both
 *       legs, and the offerer is answered as in SDES → plain.</li>
 * </ul>
 * Unusable lines (unknown suite, wrong key length, garbage) are skipped; an offer with none left
 * is answered with its media section rejected and a warning, where 10.5 answers RTP/SAVP without
 * any crypto line. Runs on the call's loop, at offer and answer.
 */
final class SdesBridge {

    private static final Logger LOG = Logger.getLogger(SdesBridge.class.getName());
    private static final long LOG_INTERVAL_NS = 10_000_000_000L;
    private static final AtomicLong LAST_LOG_NS = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NS);
    /** {@link CallMedia#lastAnsweredTag}: no answer yet. */
    static final int NOT_ANSWERED = -2;
    /** {@link CallMedia#lastAnsweredTag}: answered without one of ngrelay's own lines. */
    static final int NO_LINE = -1;

    /**
     * What the SDP towards a party says: the protocol (null: the source's), the crypto lines (null:
     * the source's), a warning for the reply (or null), and whether the media section is rejected.
     */
    record Plan(String protocol, List<CryptoLine> crypto, String warning, boolean reject) {
        Plan(String protocol, List<CryptoLine> crypto) {
            this(protocol, crypto, null, false);
        }
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

    /** An offer from {@code sender} towards {@code recipient}; null when SDES plays no part. */
    static Plan offer(CallMedia sender, CallMedia recipient, MediaSection m, String transportProtocol, SdesOptions options) {
        boolean hasCrypto = m.hasAttribute("crypto");
        boolean rtp = plain(m.protocol()) || sdes(m.protocol());
        List<CryptoLine> usable = usable(m.cryptoLines());
        String problem = hasCrypto && usable.isEmpty() && rtp ? unusableReason(m) : null;
        sender.unusableCrypto = problem != null && sdes(m.protocol()) ? problem : null;
        String warning = problem == null ? null : warn(problem);
        boolean offererSdes = sdes(m.protocol()) || (plain(m.protocol()) && !usable.isEmpty());
        if (!rtp || options.off() && !(offererSdes && transportProtocol != null && plain(transportProtocol))) {
            clearOffer(sender, recipient);
            return null;
        }
        if (!offererSdes) {
            boolean toSdes = transportProtocol != null && sdes(transportProtocol);
            boolean osrtp = options.osrtpOffer() && (transportProtocol == null || plain(transportProtocol));
            if (!toSdes && !osrtp) {
                clearOffer(sender, recipient);
                return null;
            }
            sender.partyCrypto = List.of();
            recipient.offeredCrypto = ownLines(recipient, options);
            recipient.forwardedCrypto = 0;
            return new Plan(toSdes ? transportProtocol : transportProtocol != null ? transportProtocol : m.protocol(),
                    recipient.offeredCrypto, warning, false);
        }
        sender.partyCrypto = usable;
        sender.preferOwnSuite = options.prefer();
        if (transportProtocol != null && plain(transportProtocol) && sdes(m.protocol())) {
            recipient.offeredCrypto = List.of(); // SDES → plain: the lines stay here
            recipient.forwardedCrypto = 0;
            return new Plan(transportProtocol, List.of(), warning, false);
        }
        List<CryptoLine> lines = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        int nextTag = 1;
        for (CryptoLine line : usable) {
            lines.add(Sdes.forward(line, options));
            taken.add(line.suite());
            nextTag = Math.max(nextTag, line.tag() + 1);
        }
        if (!options.noNew()) {
            lines.addAll(keepKeys(recipient, Sdes.offer(options, taken, nextTag), options));
        }
        recipient.offeredCrypto = List.copyOf(lines);
        recipient.forwardedCrypto = usable.size();
        // SAVP ↔ SAVPF, and an OSRTP offerer's AVP ↔ AVPF, switch as asked; other protocols are not SDES's business
        boolean switchable = transportProtocol != null && (sdes(transportProtocol) || plain(transportProtocol));
        return new Plan(switchable ? transportProtocol : m.protocol(), recipient.offeredCrypto, warning, false);
    }

    /**
     * ngrelay's lines for a party that gets only ngrelay's. A re-offer after the party answered on
     * one of them starts with that line (its tag and key), the other suites after it with tags
     * from the next (10.5, golden 169); else all suites from tag 1.
     */
    private static List<CryptoLine> ownLines(CallMedia party, SdesOptions options) {
        CryptoLine answered = party.lastAnsweredTag >= 0 ? byTag(party.ownCrypto, party.lastAnsweredTag) : null;
        SrtpSuite suite = answered == null ? null : SrtpSuite.named(answered.suite());
        if (suite == null || !options.offers(suite)) {
            return keepKeys(party, Sdes.offer(options, Set.of(), 1), options);
        }
        List<CryptoLine> lines = new ArrayList<>();
        lines.add(CryptoLine.of(answered.tag(), answered.suite(), answered.master(), options.pad(),
                options.lifetime() ? Sdes.LIFETIME : null, Sdes.sessionParams(options)));
        lines.addAll(keepKeys(party, Sdes.offer(options, Set.of(answered.suite()), answered.tag() + 1), options));
        party.ownCrypto = List.copyOf(lines);
        return party.ownCrypto;
    }

    /**
     * A re-offer keeps the keys while no answer came; once one did, 10.5 makes fresh keys for the
     * lines not answered on (the answered one is kept by {@link #ownLines}), and {@code static}
     * keeps them all.
     */
    private static List<CryptoLine> keepKeys(CallMedia party, List<CryptoLine> fresh, SdesOptions options) {
        List<CryptoLine> out = new ArrayList<>();
        for (CryptoLine line : fresh) {
            CryptoLine old = bySuite(party.ownCrypto, line.suite());
            boolean keep = old != null && (options.keepKeys() || party.lastAnsweredTag == NOT_ANSWERED);
            out.add(keep ? CryptoLine.of(line.tag(), line.suite(), old.master(), options.pad(), line.lifetime(), line.sessionParams())
                    : line);
        }
        party.ownCrypto = List.copyOf(out);
        return out;
    }

    private static void clearOffer(CallMedia sender, CallMedia recipient) {
        sender.partyCrypto = List.of();
        recipient.offeredCrypto = List.of();
        recipient.forwardedCrypto = 0;
    }

    /**
     * The answer from {@code sender} (the answerer) to {@code recipient} (the offerer): sets up the
     * SRTP contexts of both parties' media; null when SDES plays no part.
     */
    static Plan answer(CallMedia sender, CallMedia recipient, MediaSection m) {
        if (recipient.unusableCrypto != null) {
            clear(sender);
            clear(recipient);
            return new Plan(null, List.of(), warn("SRTP with the offerer is not possible (" + recipient.unusableCrypto
                    + "): its media section is answered rejected"), true);
        }
        if (!sender.offeredCrypto.isEmpty()) {
            for (CryptoLine theirs : m.cryptoLines()) {
                int index = indexOfTag(sender.offeredCrypto, theirs.tag());
                SrtpSuite suite = Sdes.usable(theirs);
                if (suite == null || index < 0 || !sender.offeredCrypto.get(index).suite().equals(theirs.suite())) {
                    continue;
                }
                CryptoLine sent = sender.offeredCrypto.get(index);
                sender.lastAnsweredTag = index < sender.forwardedCrypto ? NOT_ANSWERED : theirs.tag();
                if (index < sender.forwardedCrypto) {
                    // The answerer took the offerer's own line: both ends share its key, and the answer's
                    // session parameters bind both (RFC 4568 §6.3); media passes untouched (10.5, golden 156, 161).
                    clear(sender);
                    clear(recipient);
                    sender.srtpSuite = suite.name();
                    recipient.srtpSuite = suite.name();
                    return new Plan(recipient.protocol, List.of(theirs.withLifetime(null)));
                }
                keep(sender, suite, theirs.master(), Sdes.options(theirs, true), sent.master(), Sdes.options(sent, true));
                if (recipient.partyCrypto.isEmpty()) {
                    clear(recipient);
                    return new Plan(recipient.protocol, List.of());
                }
                return answerOfferer(recipient);
            }
            sender.lastAnsweredTag = NO_LINE;
            clear(sender); // a plain answer (or none usable)
            if (recipient.partyCrypto.isEmpty() || plain(recipient.protocol)) {
                clear(recipient); // OSRTP: a plain answer makes the call plain both ways (RFC 8643, as 10.5)
                return new Plan(recipient.protocol, List.of());
            }
            return answerOfferer(recipient);
        }
        if (!recipient.partyCrypto.isEmpty() && plain(m.protocol())) {
            clear(sender);
            return answerOfferer(recipient);
        }
        clear(sender);
        clear(recipient);
        return null;
    }

    /**
     * ngrelay answers the SDES offerer itself: the tag and suite of its first usable line (with
     * {@code prefer}, the one ngrelay ranks first), its session parameters echoed (RFC 4568 §6.3),
     * no lifetime or MKI, and a fresh key — the same one again after a re-INVITE on the same suite.
     */
    private static Plan answerOfferer(CallMedia offerer) {
        CryptoLine theirs = offerer.partyCrypto.get(0);
        if (offerer.preferOwnSuite) {
            for (SrtpSuite s : SrtpSuite.values()) {
                CryptoLine c = bySuite(offerer.partyCrypto, s.name());
                if (c != null) {
                    theirs = c;
                    break;
                }
            }
        }
        SrtpSuite suite = Sdes.usable(theirs);
        byte[] key = offerer.toParty != null && offerer.toParty.suite() == suite ? offerer.toPartyKey : Sdes.fresh(suite);
        CryptoLine ours = CryptoLine.of(theirs.tag(), theirs.suite(), key, false, null, theirs.sessionParams());
        keep(offerer, suite, theirs.master(), Sdes.options(theirs, true), key, Sdes.options(ours, false));
        return new Plan(offerer.protocol, List.of(ours));
    }

    /**
     * The party's media unprotects with its key and protects towards it with the key it was given.
     * A re-INVITE with the same suite, keys and parameters keeps the contexts, and with them the
     * roll-over counters and replay windows. A new key is a new crypto context (RFC 3711 §3.2):
     * it starts at ROC 0, which is right until a sender's sequence numbers have wrapped.
     */
    private static void keep(CallMedia party, SrtpSuite suite, byte[] partyKey, SrtpOptions partyOptions, byte[] ourKey,
                             SrtpOptions ourOptions) {
        if (!same(party.fromParty, party.fromPartyKey, suite, partyKey, partyOptions)) {
            party.fromParty = new SrtpContext(suite, partyKey, partyOptions);
            party.fromPartyKey = partyKey.clone();
        }
        if (!same(party.toParty, party.toPartyKey, suite, ourKey, ourOptions)) {
            party.toParty = new SrtpContext(suite, ourKey, ourOptions);
            party.toPartyKey = ourKey.clone();
        }
        party.srtpSuite = suite.name();
    }

    private static boolean same(SrtpContext context, byte[] key, SrtpSuite suite, byte[] newKey, SrtpOptions options) {
        return context != null && context.suite() == suite && Arrays.equals(key, newKey) && context.options().equals(options);
    }

    static void clear(CallMedia party) {
        party.fromParty = null;
        party.toParty = null;
        party.fromPartyKey = null;
        party.toPartyKey = null;
        party.srtpSuite = null;
    }

    private static List<CryptoLine> usable(List<CryptoLine> lines) {
        List<CryptoLine> out = new ArrayList<>();
        for (CryptoLine c : lines) {
            if (Sdes.usable(c) != null) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    /** Why no line of {@code m} is usable, naming each. */
    private static String unusableReason(MediaSection m) {
        List<String> why = new ArrayList<>();
        for (org.ngrelay.core.sdp.SdpLine line : m.lines()) {
            if (!line.attributeIs("crypto")) {
                continue;
            }
            String value = line.attributeValue();
            CryptoLine c = CryptoLine.parse(value);
            why.add(c == null ? "'a=crypto:" + value + "' does not parse" : Sdes.unusable(c));
        }
        return "no usable a=crypto line: " + String.join(", ", why);
    }

    /** The reply's warning; the log gets at most one such line every 10 s (a peer may send the same garbage on every call). */
    private static String warn(String text) {
        long now = System.nanoTime();
        long last = LAST_LOG_NS.get();
        if (now - last >= LOG_INTERVAL_NS && LAST_LOG_NS.compareAndSet(last, now)) {
            LOG.warning("SDES: " + text);
        }
        return "SDES: " + text;
    }

    private static int indexOfTag(List<CryptoLine> lines, int tag) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).tag() == tag) {
                return i;
            }
        }
        return -1;
    }

    private static CryptoLine byTag(List<CryptoLine> lines, int tag) {
        int i = indexOfTag(lines, tag);
        return i < 0 ? null : lines.get(i);
    }

    private static CryptoLine bySuite(List<CryptoLine> lines, String suite) {
        for (CryptoLine c : lines) {
            if (c.suite().equals(suite)) {
                return c;
            }
        }
        return null;
    }
}
