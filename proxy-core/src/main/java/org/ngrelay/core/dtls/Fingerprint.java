package org.ngrelay.core.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An SDP {@code a=fingerprint} (RFC 8122): a hash function's name and the hash of a DER
 * certificate, printed as upper-case hex pairs joined by colons, as rtpengine 10.5 writes them.
 */
public record Fingerprint(String hash, byte[] value) {

    /** The hash functions rtpengine 10.5 offers for {@code DTLS-fingerprint}, in SDP spelling. */
    public static final String[] HASHES = {"sha-1", "sha-224", "sha-256", "sha-384", "sha-512"};

    public Fingerprint {
        value = value.clone();
    }

    /** {@code "sha-256 AB:CD:..."}, or null when it is not a fingerprint of a hash this knows. */
    public static Fingerprint parse(String attribute) {
        if (attribute == null) {
            return null;
        }
        String[] parts = attribute.trim().split("\\s+");
        if (parts.length != 2) {
            return null;
        }
        String hash = canonical(parts[0]);
        if (hash == null) {
            return null;
        }
        try {
            byte[] value = HexFormat.ofDelimiter(":").parseHex(parts[1]);
            return value.length == digest(hash).getDigestLength() ? new Fingerprint(hash, value) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The fingerprint of {@code der} with {@code hash} (any spelling: {@code SHA-256}, {@code sha-256}). */
    public static Fingerprint of(String hash, byte[] der) {
        String name = canonical(hash);
        if (name == null) {
            throw new IllegalArgumentException("unknown fingerprint hash '" + hash + "' (known: " + String.join(", ", HASHES) + ")");
        }
        return new Fingerprint(name, digest(name).digest(der));
    }

    /** The SDP spelling of a hash name, or null when it is none of {@link #HASHES}. */
    public static String canonical(String hash) {
        String lower = hash.toLowerCase(Locale.ROOT);
        for (String h : HASHES) {
            if (h.equals(lower) || h.replace("-", "").equals(lower)) {
                return h;
            }
        }
        return null;
    }

    /** True when {@code der} hashes to this value (constant time). */
    public boolean matches(byte[] der) {
        return MessageDigest.isEqual(digest(hash).digest(der), value);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** What follows {@code a=fingerprint:}. */
    public String attribute() {
        return hash + " " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && f.hash.equals(hash) && Arrays.equals(f.value, value);
    }

    @Override
    public int hashCode() {
        return hash.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return attribute();
    }

    private static MessageDigest digest(String sdpName) {
        try {
            return MessageDigest.getInstance(sdpName.toUpperCase(Locale.ROOT));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(sdpName + " is not available: " + e.getMessage(), e);
        }
    }
}
