package org.ngrelay.cli.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ngrelay.core.testing.UdpPeer;
import org.ngrelay.ng.testing.NgClient;

/**
 * The packaged daemon ({@code target/ngrelay.jar}) as a process of its own, with its ng socket,
 * CLI socket and HTTP endpoint on loopback, as an operator runs it; started by a test, stopped
 * when the test is done.
 */
public final class DaemonProcess implements AutoCloseable {

    public final int ngPort;
    public final int cliPort;
    public final int httpPort;
    private final Process process;
    private final Path log;

    /**
     * @param portMin   media ports: each test class its own range, below 29999 (the default 30000-40000
     *                  is kept free for the benchmarks running on the same machine)
     * @param extraArgs further daemon options ({@code --max-sessions}, ...)
     */
    public DaemonProcess(Path dir, int portMin, int portMax, String... extraArgs) throws IOException {
        this(dir, UdpPeer.freePort(), freeTcpPort(), freeTcpPort(), portMin, portMax, extraArgs);
    }

    private DaemonProcess(Path dir, int ngPort, int cliPort, int httpPort, int portMin, int portMax, String... extraArgs)
            throws IOException {
        this(dir, ngPort, cliPort, httpPort, concat(List.of("--config-file=none", "--interface=127.0.0.1",
                "--listen-ng=127.0.0.1:" + ngPort, "--listen-cli=127.0.0.1:" + cliPort, "--listen-http=127.0.0.1:" + httpPort,
                "--log-stderr", "--delete-delay=0", "--port-min=" + portMin, "--port-max=" + portMax), extraArgs));
    }

    /** The daemon with exactly these options (a test's own config file); it must listen for ng on {@code ngPort}. */
    public DaemonProcess(Path dir, int ngPort, int cliPort, int httpPort, List<String> args) throws IOException {
        this.ngPort = ngPort;
        this.cliPort = cliPort;
        this.httpPort = httpPort;
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", new File("target/ngrelay.jar").getAbsolutePath()));
        cmd.addAll(args);
        log = dir.resolve("ngrelay-" + ngPort + ".log");
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (NgClient ng = ngClient()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                if (ng.raw(NgClient.newCookie(), NgClient.encode(NgClient.dict("command", "ping"))) != null && log().contains("Startup complete")) {
                    return;
                }
            }
        }
        close();
        throw new IOException("ngrelay did not start; its log:\n" + log());
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> out = new ArrayList<>(first);
        out.addAll(List.of(more));
        return out;
    }

    public InetSocketAddress ngAddress() {
        return new InetSocketAddress("127.0.0.1", ngPort);
    }

    public NgClient ngClient() {
        return new NgClient(ngAddress());
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freeTcpPort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
