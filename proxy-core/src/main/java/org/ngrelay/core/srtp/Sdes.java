package org.ngrelay.core.srtp;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.ngrelay.core.sdp.CryptoLine;

/**
 * SDES keys and lines (RFC 4568) as rtpengine 10.5 writes them (golden/rtpengine-10.5/sdes): the
 * lines ngrelay offers, the twelve of {@link SrtpSuite} in 10.5's order (AEAD_AES_*_GCM first, F8 before NULL), each with a fresh master key and salt; an
 * offerer's lines as they go on; and the {@link SrtpOptions} a line's parameters mean.
 */
public final class Sdes {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** rtpengine 10.5's {@code lifetime} word: the RFC 3711 maximum for SRTP, 2^48, is not what it writes. */
    public static final String LIFETIME = "2^31";

    private Sdes() {
    }

    /**
     * One line per suite ngrelay offers, leaving out those the words exclude and those in
     * {@code taken} (the offerer's own, which go first), tags from {@code firstTag} (10.5 numbers
     * them on from the offerer's, and renumbers when suites are left out).
     */
    public static List<CryptoLine> offer(SdesOptions options, Collection<String> taken, int firstTag) {
        List<CryptoLine> lines = new ArrayList<>();
        String params = sessionParams(options);
        for (SrtpSuite suite : ordered(options)) {
            if (options.offers(suite) && !taken.contains(suite.name())) {
                lines.add(CryptoLine.of(firstTag + lines.size(), suite.name(), fresh(suite), options.pad(),
                        options.lifetime() ? LIFETIME : null, params));
            }
        }
        return lines;
    }

    /** {@code order:A,B} (newer rtpengine) puts those suites first; the others keep their rank. */
    private static List<SrtpSuite> ordered(SdesOptions options) {
        List<SrtpSuite> out = new ArrayList<>();
        for (String name : options.order()) {
            SrtpSuite s = SrtpSuite.named(name);
            if (s != null && !out.contains(s)) {
                out.add(s);
            }
        }
        for (SrtpSuite s : SrtpSuite.values()) {
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The session parameters the words put on ngrelay's lines, in 10.5's order. */
    public static String sessionParams(SdesOptions options) {
        StringBuilder b = new StringBuilder();
        if (options.unencryptedSrtp()) {
            b.append("UNENCRYPTED_SRTP ");
        }
        if (options.unencryptedSrtcp()) {
            b.append("UNENCRYPTED_SRTCP ");
        }
        if (options.unauthenticatedSrtp()) {
            b.append("UNAUTHENTICATED_SRTP ");
        }
        return b.toString().trim();
    }

    /**
     * An offerer's line as 10.5 passes it on: its lifetime dropped (or {@code 2^31} with the
     * {@code lifetime} word), its MKI kept, the words' session parameters added and the
     * {@code encrypted_}/{@code authenticated_} words' removed (the negative word wins when both are given, as in 10.5).
     */
    public static CryptoLine forward(CryptoLine line, SdesOptions options) {
        List<String> params = new ArrayList<>(List.of(line.sessionParams().isEmpty() ? new String[0] : line.sessionParams().split("\\s+")));
        adjust(params, "UNENCRYPTED_SRTP", options.unencryptedSrtp(), options.encryptedSrtp());
        adjust(params, "UNENCRYPTED_SRTCP", options.unencryptedSrtcp(), options.encryptedSrtcp());
        adjust(params, "UNAUTHENTICATED_SRTP", options.unauthenticatedSrtp(), options.authenticatedSrtp());
        return line.withLifetime(options.lifetime() ? LIFETIME : null).withSessionParams(String.join(" ", params));
    }

    private static void adjust(List<String> params, String name, boolean add, boolean remove) {
        if (add) {
            if (!params.contains(name)) {
                params.add(name);
            }
        } else if (remove) {
            params.remove(name);
        }
    }

    /** What {@code line}'s session parameters (and, with {@code withMki}, its MKI) do to each packet. */
    public static SrtpOptions options(CryptoLine line, boolean withMki) {
        return SrtpOptions.of(!line.has("UNENCRYPTED_SRTP"), !line.has("UNENCRYPTED_SRTCP"), !line.has("UNAUTHENTICATED_SRTP"),
                withMki ? line.mkiValue() : new byte[0]);
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

    /** Why {@code line} cannot be used, for a warning; null when it can. */
    public static String unusable(CryptoLine line) {
        SrtpSuite suite = SrtpSuite.named(line.suite());
        if (suite == null) {
            return "a=crypto:" + line.tag() + ": unknown suite " + line.suite();
        }
        if (line.master().length != suite.masterBytes()) {
            return "a=crypto:" + line.tag() + ": " + line.master().length + "-byte key, " + suite.name() + " needs " + suite.masterBytes();
        }
        return null;
    }
}
