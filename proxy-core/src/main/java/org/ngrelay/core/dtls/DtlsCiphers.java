package org.ngrelay.core.dtls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.tls.CipherSuite;

/**
 * {@code --dtls-ciphers}: rtpengine takes an OpenSSL cipher string; ngrelay reads the suite names
 * in it (OpenSSL spelling, colon-separated, in order) and ignores OpenSSL's keywords and
 * exclusions ({@code DEFAULT}, {@code !aNULL}, ...), which name no suite of their own. A string
 * that names no suite ngrelay has means the default list.
 */
public final class DtlsCiphers {

    private static final Map<String, Integer> BY_OPENSSL_NAME = Map.ofEntries(
            Map.entry("ECDHE-ECDSA-AES128-GCM-SHA256", CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256),
            Map.entry("ECDHE-ECDSA-AES256-GCM-SHA384", CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384),
            Map.entry("ECDHE-ECDSA-CHACHA20-POLY1305", CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256),
            Map.entry("ECDHE-ECDSA-AES128-SHA", CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA),
            Map.entry("ECDHE-ECDSA-AES256-SHA", CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA),
            Map.entry("ECDHE-RSA-AES128-GCM-SHA256", CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256),
            Map.entry("ECDHE-RSA-AES256-GCM-SHA384", CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384),
            Map.entry("ECDHE-RSA-CHACHA20-POLY1305", CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256),
            Map.entry("ECDHE-RSA-AES128-SHA", CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA),
            Map.entry("ECDHE-RSA-AES256-SHA", CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA));

    /** Close to what rtpengine 10.5's default OpenSSL string leaves: AEAD first, then CBC with SHA-1. */
    static final int[] DEFAULT = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
    };

    private DtlsCiphers() {
    }

    /** The suites an OpenSSL cipher string names, in its order; null when it names none ngrelay has. */
    public static int[] parse(String openssl) {
        List<Integer> ids = new ArrayList<>();
        for (String token : openssl.split("[:, ]+")) {
            Integer id = BY_OPENSSL_NAME.get(token.toUpperCase(Locale.ROOT));
            if (id != null && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids.isEmpty() ? null : ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * As a server only suites whose authentication is the certificate's key can be chosen; a
     * client offers them all (the server's certificate decides).
     */
    static int[] forKey(int[] suites, DtlsCertificate.KeyType key) {
        return java.util.Arrays.stream(suites).filter(s -> ecdsa(s) == (key == DtlsCertificate.KeyType.PRIME256V1)).toArray();
    }

    private static boolean ecdsa(int suite) {
        return suite == CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 || suite == CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
                || suite == CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 || suite == CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA
                || suite == CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA;
    }
}
