package org.ngrelay.core.call;

import java.util.Locale;

/**
 * What an offer or answer asks of DTLS-SRTP for the party the SDP goes to (rtpengine 10.5,
 * golden/rtpengine-10.5/dtls): {@code DTLS: off} offers it no DTLS, {@code DTLS: passive} answers
 * it {@code a=setup:passive}, {@code DTLS-fingerprint} picks the hash printed to it.
 *
 * @param mode            the {@code DTLS} key
 * @param fingerprintHash the {@code DTLS-fingerprint} key in SDP spelling ({@code sha-256} when not given)
 * @param reverse         the {@code DTLS-reverse} flag (10.5.3.5 shows no change of a=setup for it)
 */
public record DtlsRequest(Mode mode, String fingerprintHash, boolean reverse) {

    public enum Mode {
        DEFAULT, OFF, PASSIVE, ACTIVE;

        /** The {@code DTLS} key's value; null for an unknown one. */
        public static Mode parse(String value) {
            if (value == null) {
                return DEFAULT;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "off", "no", "disable", "disabled" -> OFF;
                case "passive" -> PASSIVE;
                case "active" -> ACTIVE;
                default -> null;
            };
        }
    }

    public static final DtlsRequest DEFAULT = new DtlsRequest(Mode.DEFAULT, "sha-256", false);
}
