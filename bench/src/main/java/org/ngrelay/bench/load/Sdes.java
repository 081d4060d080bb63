package org.ngrelay.bench.load;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The callee's side of SDES (RFC 4568) for the load tool's SRTP mode: it picks the daemon's
 * {@code a=crypto} line of one suite from the offer and answers it with a line of its own.
 * Each side's key is the one it sends with, so the callee unprotects with the offered key and
 * protects with the key in its answer.
 *
 * <p>The line is chosen by suite name, never by tag: the daemon numbers its lines in its own
 * order (rtpengine 10.5 puts AES_CM_128_HMAC_SHA1_80 at tag 7 of 12), and that order changes
 * when suites are added or left out.
 */
final class Sdes {

    /** Master key + salt length in bytes of the suites rtpgen's libsrtp2 policies cover. */
    private static final Map<String, Integer> KEY_LENGTH = Map.of(
            "AES_CM_128_HMAC_SHA1_80", 30, "AES_CM_128_HMAC_SHA1_32", 30,
            "AES_256_CM_HMAC_SHA1_80", 46, "AES_256_CM_HMAC_SHA1_32", 46);

    // a=crypto:<tag> <suite> inline:<key||salt>[|lifetime][|MKI:length][;inline:...] [session params]
    private static final Pattern CRYPTO = Pattern.compile("(?m)^a=crypto:(\\d+) (\\S+) inline:([A-Za-z0-9+/=]+)([^ \\r\\n]*)(.*?)\\r?$");

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One offered line: its tag, and the master key and salt the daemon protects with. */
    record Offered(int tag, byte[] key) {
    }

    private Sdes() {
    }

    static boolean supported(String suite) {
        return KEY_LENGTH.containsKey(suite);
    }

    static int keyLength(String suite) {
        Integer n = KEY_LENGTH.get(suite);
        if (n == null) {
            throw new IllegalArgumentException("the load tool's SRTP mode supports " + String.join(", ", KEY_LENGTH.keySet().stream().sorted().toList())
                    + ", not " + suite);
        }
        return n;
    }

    /**
     * The offer's line of {@code suite}. Throws if there is none, or if it asks for what the
     * generator's plain libsrtp2 policy would not do (an MKI, several keys, session parameters
     * such as UNENCRYPTED_SRTP), since the callee would then fail every packet.
     */
    static Offered offered(String sdp, String suite) {
        int length = keyLength(suite);
        Matcher m = CRYPTO.matcher(sdp);
        while (m.find()) {
            if (!m.group(2).equals(suite)) {
                continue;
            }
            String keyParams = m.group(4);
            if (keyParams.contains(";")) {
                throw new IllegalArgumentException("the " + suite + " line has several keys: " + m.group());
            }
            for (String p : keyParams.split("\\|")) {
                if (p.contains(":")) {
                    throw new IllegalArgumentException("the " + suite + " line has an MKI, which the load tool does not use: " + m.group());
                }
            }
            if (!m.group(5).isBlank()) {
                throw new IllegalArgumentException("the " + suite + " line has session parameters the load tool does not use: " + m.group());
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(m.group(3));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the " + suite + " line's key is not base64: " + m.group(), e);
            }
            if (key.length != length) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the %s line's key is %d bytes, not %d: %s",
                        suite, key.length, length, m.group()));
            }
            return new Offered(Integer.parseInt(m.group(1)), key);
        }
        throw new IllegalArgumentException("the daemon offered no a=crypto line for " + suite + ":\n" + sdp);
    }

    /** A fresh master key and salt for {@code suite}. */
    static byte[] freshKey(String suite) {
        byte[] key = new byte[keyLength(suite)];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The answer's line: the offered line's tag and suite, the callee's key (unpadded base64, as rtpengine writes it). */
    static String answerLine(int tag, String suite, byte[] key) {
        if (key.length != keyLength(suite)) {
            throw new IllegalArgumentException(suite + " needs a " + keyLength(suite) + "-byte key, not " + key.length);
        }
        return "a=crypto:" + tag + " " + suite + " inline:" + Base64.getEncoder().withoutPadding().encodeToString(key);
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(2 * bytes.length);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
        }
        return sb.toString();
    }
}
