package org.ngrelay.core.sdp;

import java.util.Base64;

/**
 * One SDES {@code a=crypto} line (RFC 4568 §9.1): {@code TAG SUITE inline:KEY[|LIFETIME][|MKI:LEN]
 * [SESSION-PARAMS]}. Only the first key parameter is read; {@link #master} is its decoded key and
 * salt, {@code key} its base64 as written, {@code lifetime} and {@code mki} its optional parts
 * (null when absent). {@link #parse} gives null for a line that is not one.
 */
public record CryptoLine(int tag, String suite, byte[] master, String key, String lifetime, String mki, String sessionParams) {

    public static CryptoLine parse(String value) {
        String[] parts = value.trim().split("\\s+", 4);
        if (parts.length < 3 || !parts[2].startsWith("inline:")) {
            return null;
        }
        try {
            int tag = Integer.parseInt(parts[0]);
            if (tag < 0 || tag > 999_999_999) {
                return null;
            }
            String[] inline = parts[2].substring("inline:".length()).split("\\|", -1);
            if (inline.length > 3) {
                return null;
            }
            String lifetime = null;
            String mki = null;
            for (int i = 1; i < inline.length; i++) {
                // RFC 4568 §9.1: the lifetime has no colon, the MKI is VALUE:LENGTH
                if (inline[i].contains(":")) {
                    mki = validMki(inline[i]) ? inline[i] : null;
                    if (mki == null) {
                        return null;
                    }
                } else if (validLifetime(inline[i])) {
                    lifetime = inline[i];
                } else {
                    return null;
                }
            }
            byte[] master = Base64.getDecoder().decode(inline[0]);
            return new CryptoLine(tag, parts[1], master, inline[0], lifetime, mki, parts.length > 3 ? parts[3].trim() : "");
        } catch (IllegalArgumentException e) {
            return null; // not a number, or not base64
        }
    }

    private static boolean validLifetime(String s) {
        return s.matches("(2\\^)?[0-9]{1,20}");
    }

    /** {@code VALUE:LENGTH}, the length 1 to 128 bytes and the value fitting in it (RFC 4568 §9.1). */
    private static boolean validMki(String s) {
        int colon = s.indexOf(':');
        String value = s.substring(0, colon);
        String length = s.substring(colon + 1);
        if (!value.matches("[0-9]{1,39}") || !length.matches("[0-9]{1,3}")) {
            return false;
        }
        int bytes = Integer.parseInt(length);
        return bytes >= 1 && bytes <= 128 && new java.math.BigInteger(value).bitLength() <= bytes * 8;
    }

    /** A line of ngrelay's own: unpadded base64, no lifetime, MKI or session parameters (as rtpengine 10.5 writes them). */
    public static CryptoLine of(int tag, String suite, byte[] master) {
        return of(tag, suite, master, false, null, "");
    }

    /** A line of ngrelay's own, the base64 {@code padded} or not, with a lifetime (or null) and session parameters. */
    public static CryptoLine of(int tag, String suite, byte[] master, boolean padded, String lifetime, String sessionParams) {
        Base64.Encoder b64 = padded ? Base64.getEncoder() : Base64.getEncoder().withoutPadding();
        return new CryptoLine(tag, suite, master.clone(), b64.encodeToString(master), lifetime, null, sessionParams);
    }

    /** The MKI's length in bytes; 0 without one. */
    public int mkiBytes() {
        return mki == null ? 0 : Integer.parseInt(mki.substring(mki.indexOf(':') + 1));
    }

    /** The MKI as it goes on the wire: its value big-endian in {@link #mkiBytes} bytes (empty without one). */
    public byte[] mkiValue() {
        byte[] out = new byte[mkiBytes()];
        if (mki != null) {
            byte[] v = new java.math.BigInteger(mki.substring(0, mki.indexOf(':'))).toByteArray();
            int n = Math.min(v.length, out.length);
            System.arraycopy(v, v.length - n, out, out.length - n, n);
        }
        return out;
    }

    /** Whether the session parameters name {@code parameter} (e.g. {@code UNENCRYPTED_SRTP}). */
    public boolean has(String parameter) {
        for (String p : sessionParams.split("\\s+")) {
            if (p.equals(parameter)) {
                return true;
            }
        }
        return false;
    }

    public CryptoLine withTag(int newTag) {
        return new CryptoLine(newTag, suite, master, key, lifetime, mki, sessionParams);
    }

    public CryptoLine withLifetime(String newLifetime) {
        return new CryptoLine(tag, suite, master, key, newLifetime, mki, sessionParams);
    }

    public CryptoLine withoutMki() {
        return new CryptoLine(tag, suite, master, key, lifetime, null, sessionParams);
    }

    public CryptoLine withSessionParams(String params) {
        return new CryptoLine(tag, suite, master, key, lifetime, mki, params);
    }

    /** The key parameter: {@code inline:KEY[|LIFETIME][|MKI:LEN]}. */
    public String keyParams() {
        return "inline:" + key + (lifetime == null ? "" : "|" + lifetime) + (mki == null ? "" : "|" + mki);
    }

    /** The attribute value, after {@code a=crypto:}. */
    public String value() {
        return tag + " " + suite + " " + keyParams() + (sessionParams.isEmpty() ? "" : " " + sessionParams);
    }
}
