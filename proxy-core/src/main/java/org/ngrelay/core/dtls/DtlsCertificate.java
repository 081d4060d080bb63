package org.ngrelay.core.dtls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The daemon's one self-signed certificate (rtpengine: one per daemon, the same fingerprint in
 * every call): an ECDSA prime256v1 key ({@code --dtls-cert-cipher=prime256v1}, 10.5's default) or
 * an RSA one ({@code --dtls-cert-cipher=RSA}, {@code --dtls-rsa-key-size}), signed with SHA-256
 * or SHA-1 ({@code --dtls-signature}). Made with the JDK's providers; BC builds the X.509 only.
 */
public final class DtlsCertificate {

    /** {@code --dtls-cert-cipher}. */
    public enum KeyType {
        PRIME256V1, RSA;

        public static KeyType parse(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "prime256v1", "ec", "ecdsa" -> PRIME256V1;
                case "rsa" -> RSA;
                default -> throw new IllegalArgumentException("unknown --dtls-cert-cipher '" + value + "' (prime256v1 or RSA)");
            };
        }
    }

    private final KeyType type;
    private final PrivateKey privateKey;
    private final byte[] der;

    private DtlsCertificate(KeyType type, PrivateKey privateKey, byte[] der) {
        this.type = type;
        this.privateKey = privateKey;
        this.der = der;
    }

    /** rtpengine 10.5's defaults: prime256v1, SHA-256. */
    public static DtlsCertificate generate() {
        return generate(KeyType.PRIME256V1, 2048, "SHA-256");
    }

    /** @param signature {@code SHA-256} or {@code SHA-1} */
    public static DtlsCertificate generate(KeyType type, int rsaBits, String signature) {
        String hash = switch (signature.toUpperCase(Locale.ROOT).replace("-", "")) {
            case "SHA256" -> "SHA256";
            case "SHA1" -> "SHA1";
            default -> throw new IllegalArgumentException("unknown --dtls-signature '" + signature + "' (SHA-256 or SHA-1)");
        };
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type == KeyType.RSA ? "RSA" : "EC");
            if (type == KeyType.RSA) {
                generator.initialize(rsaBits);
            } else {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            }
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=ngrelay");
            Instant now = Instant.now();
            SecureRandom random = new SecureRandom();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(63, random),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), name, keys.getPublic());
            String algorithm = hash + "with" + (type == KeyType.RSA ? "RSA" : "ECDSA");
            byte[] der = builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())).getEncoded();
            return new DtlsCertificate(type, keys.getPrivate(), der);
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot make the DTLS certificate: " + e.getMessage(), e);
        }
    }

    public KeyType type() {
        return type;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    byte[] der() {
        return der.clone();
    }

    public Fingerprint fingerprint(String hash) {
        return Fingerprint.of(hash, der);
    }
}
