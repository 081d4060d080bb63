package org.ngrelay.core.sdp;

import java.util.Base64;

/**
 * One SDES {@code a=crypto} line (RFC 4568 §9.1): {@code TAG SUITE inline:KEY[|LIFETIME][|MKI:LEN]
 * [SESSION-PARAMS]}. Only the first key parameter is read; {@link #master} is its decoded key and
 * salt. {@link #parse} gives null for a line that is not one.
 */
public record CryptoLine(int tag, String suite, byte[] master, String keyParams, String sessionParams) {

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
            String inline = parts[2].substring("inline:".length());
            int bar = inline.indexOf('|');
            String key = bar < 0 ? inline : inline.substring(0, bar);
            byte[] master = Base64.getDecoder().decode(key);
            return new CryptoLine(tag, parts[1], master, parts[2], parts.length > 3 ? parts[3] : "");
        } catch (IllegalArgumentException e) {
            return null; // not a number, or not base64
        }
    }

    /** A line of ngrelay's own: unpadded base64, no lifetime or MKI (as rtpengine 10.5 writes them). */
    public static CryptoLine of(int tag, String suite, byte[] master) {
        return new CryptoLine(tag, suite, master.clone(), "inline:" + Base64.getEncoder().withoutPadding().encodeToString(master), "");
    }

    /** The attribute value, after {@code a=crypto:}. */
    public String value() {
        return tag + " " + suite + " " + keyParams + (sessionParams.isEmpty() ? "" : " " + sessionParams);
    }
}
