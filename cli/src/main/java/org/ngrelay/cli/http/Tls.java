package org.ngrelay.cli.http;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/** {@code --https-cert} and {@code --https-key}: the server side of HTTPS and WSS (the JDK's TLS). */
public final class Tls {

    private Tls() {
    }

    /**
     * @param key the PKCS#8 PEM key, or null when {@code cert} holds the key too
     * @throws IllegalArgumentException with what is wrong with the files
     */
    public static SslContext serverContext(Path cert, Path key) {
        if (cert == null) {
            throw new IllegalArgumentException("--listen-https needs --https-cert (and --https-key unless the certificate file holds the key)");
        }
        Path keyFile = key != null ? key : cert;
        for (Path p : new Path[] {cert, keyFile}) {
            if (!Files.isReadable(p)) {
                throw new IllegalArgumentException("cannot read " + p + " (--https-cert / --https-key)");
            }
        }
        try {
            return SslContextBuilder.forServer(cert.toFile(), keyFile.toFile()).build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--https-cert " + cert + " / --https-key " + keyFile + " are not a PEM certificate and"
                    + " PKCS#8 key ('BEGIN PRIVATE KEY'; convert others with 'openssl pkcs8 -topk8 -nocrypt'): " + e.getMessage(), e);
        }
    }
}
