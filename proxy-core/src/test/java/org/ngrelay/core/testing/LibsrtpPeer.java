package org.ngrelay.core.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * libsrtp2 (Debian libsrtp2-dev) as an independent SRTP stack for tests: {@code srtp_peer.c}
 * (proxy-core's src/test/c), built once per JVM with gcc, behind a line protocol on its stdin and
 * stdout. One instance is one outbound and one inbound libsrtp2 session for a suite and key.
 */
public final class LibsrtpPeer implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of();
    private static Path binary;
    private static Boolean aes192;

    private final Process process;
    private final PrintWriter in;
    private final BufferedReader out;
    /** libsrtp2's last answer line (its status when it refused). */
    private String last;

    /** True when libsrtp2's headers are installed, so {@link #start} can build the peer. */
    public static boolean available() {
        return new File("/usr/include/srtp2/srtp.h").exists();
    }

    /**
     * libsrtp2 before 2.8 derives AES-192 keys in AES-256 mode (cisco/libsrtp#763, fixed by #765 in
     * 2025), so it does not interoperate with RFC 6188 (nor with rtpengine) on the AES-192 suites.
     * Its answer to rtpengine's AES-192 known-answer packet tells which kind this machine has.
     */
    public static synchronized boolean aes192Compliant() {
        if (aes192 == null) {
            byte[] material = HEX.parseHex("e1f97a0d3e018be0d64fa32c06de41390ec675ad498afeeb" + "b6960b3aabe6c173c317f2dabe35");
            try (LibsrtpPeer libsrtp = start("AES_192_CM_HMAC_SHA1_80", material)) {
                byte[] out = libsrtp.protect(HEX.parseHex("800f1234decafbadcafebabeabababababababababababababababab"));
                aes192 = out != null && HEX.formatHex(out)
                        .equals("800f1234decafbadcafebabe015781894462529d91cf3659d2462db308d9a044c5d7d68b26ba");
            }
        }
        return aes192;
    }

    /** Whether libsrtp2 here interoperates on {@code suite} (not f8, which it lacks; not AES-192 before 2.8). */
    public static boolean interoperates(String suite) {
        return whyNot(suite) == null;
    }

    /** Why libsrtp2 cannot be compared on {@code suite}, or null when it can. */
    public static String whyNot(String suite) {
        if (suite.startsWith("F8_")) {
            return "libsrtp2 has no f8 cipher: " + suite + " is checked by RFC 3711 B.1 only";
        }
        if (suite.startsWith("AES_192") && !aes192Compliant()) {
            return "libsrtp2 here derives AES-192 keys as AES-256 (cisco/libsrtp#763): " + suite + " not compared";
        }
        return null;
    }

    /** Starts a peer for {@code suite} (an SDES suite name) and {@code master} (key then salt). */
    public static LibsrtpPeer start(String suite, byte[] master) {
        return start(suite, master, "-", "");
    }

    /**
     * With session parameters: {@code services} letters r (UNENCRYPTED_SRTP), c (UNENCRYPTED_SRTCP),
     * a (UNAUTHENTICATED_SRTP), or "-"; {@code mkiHex} the MKI ("" for none), which puts the key in
     * libsrtp 2.x's master-key array.
     */
    public static LibsrtpPeer start(String suite, byte[] master, String services, String mkiHex) {
        try {
            return new LibsrtpPeer(build(), suite, master, services, mkiHex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path build() throws IOException {
        if (binary != null) {
            return binary;
        }
        Path source = locate();
        Path out = Files.createTempDirectory("srtp-peer").resolve("srtp_peer");
        Process gcc = new ProcessBuilder("gcc", "-O2", "-Wall", "-Werror", "-o", out.toString(), source.toString(), "-lsrtp2")
                .redirectErrorStream(true).start();
        String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (gcc.waitFor() != 0) {
                throw new IOException("gcc srtp_peer.c failed:\n" + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        binary = out;
        return out;
    }

    /** proxy-core's test sources, from proxy-core itself or from a module beside it. */
    private static Path locate() throws IOException {
        for (String p : new String[] {"src/test/c/srtp_peer.c", "../proxy-core/src/test/c/srtp_peer.c"}) {
            Path candidate = Path.of(p).toAbsolutePath().normalize();
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IOException("srtp_peer.c not found from " + Path.of("").toAbsolutePath());
    }

    private LibsrtpPeer(Path binary, String suite, byte[] master, String services, String mkiHex) throws IOException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(binary.toString(), suite, HEX.formatHex(master), services));
        if (!mkiHex.isEmpty()) {
            command.add(mkiHex);
        }
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.US_ASCII);
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        String first = out.readLine();
        if (!"READY".equals(first)) {
            close();
            throw new IOException("libsrtp2 does not take " + suite + ": " + first);
        }
    }

    /** libsrtp2's protect of an RTP packet, or null when it refused. */
    public byte[] protect(byte[] packet) {
        return run("P", packet);
    }

    public byte[] unprotect(byte[] packet) {
        return run("U", packet);
    }

    public byte[] protectRtcp(byte[] packet) {
        return run("PC", packet);
    }

    public byte[] unprotectRtcp(byte[] packet) {
        return run("UC", packet);
    }

    public String last() {
        return last;
    }

    private byte[] run(String command, byte[] packet) {
        in.println(command + " " + HEX.formatHex(packet));
        try {
            last = out.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return last != null && last.startsWith("OK ") ? HEX.parseHex(last.substring(3)) : null;
    }

    @Override
    public void close() {
        in.close();
        process.destroy();
    }
}
