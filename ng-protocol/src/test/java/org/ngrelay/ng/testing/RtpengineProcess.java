package org.ngrelay.ng.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ngrelay.core.testing.UdpPeer;

/** A real rtpengine (Debian's rtpengine-daemon), userspace only, started and stopped by a test. */
public final class RtpengineProcess implements AutoCloseable {

    private final Process process;
    private final InetSocketAddress ng;
    private final Path log;

    private RtpengineProcess(Process process, InetSocketAddress ng, Path log) {
        this.process = process;
        this.ng = ng;
        this.log = log;
    }

    /** The rtpengine binary, or null when rtpengine-daemon is not installed. */
    public static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File f = new File(dir, "rtpengine");
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        File sbin = new File("/usr/sbin/rtpengine");
        return sbin.canExecute() ? sbin.getPath() : null;
    }

    /** Starts rtpengine with {@code --interface} values and a port range, and waits for it to answer ping. */
    public static RtpengineProcess start(List<String> interfaces, int portMin, int portMax, Path workDir) throws IOException, InterruptedException {
        return start(interfaces, portMin, portMax, workDir, List.of());
    }

    /** @param extraArgs further options, e.g. {@code --listen-cli=127.0.0.1:PORT} */
    public static RtpengineProcess start(List<String> interfaces, int portMin, int portMax, Path workDir, List<String> extraArgs)
            throws IOException, InterruptedException {
        int ngPort = UdpPeer.freePort();
        List<String> cmd = new ArrayList<>(List.of(binary(), "--config-file=none", "--table=-1",
                "--listen-ng=127.0.0.1:" + ngPort, "--port-min=" + portMin, "--port-max=" + portMax,
                "--foreground", "--log-stderr", "--log-level=5", "--delete-delay=0"));
        for (String i : interfaces) {
            cmd.add("--interface=" + i);
        }
        cmd.addAll(extraArgs);
        Path log = workDir.resolve("rtpengine-" + ngPort + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        InetSocketAddress ng = new InetSocketAddress("127.0.0.1", ngPort);
        RtpengineProcess rtpengine = new RtpengineProcess(p, ng, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        try (NgClient client = new NgClient(ng)) {
            while (System.nanoTime() < deadline && p.isAlive()) {
                byte[] reply = client.raw(NgClient.newCookie(), NgClient.encode(Map.of("command", "ping")));
                if (reply != null && "pong".equals(NgClient.decode(reply).get("result"))) {
                    return rtpengine;
                }
            }
        }
        rtpengine.close();
        throw new IOException("rtpengine did not answer ping; its log:\n" + Files.readString(log));
    }

    public InetSocketAddress ngAddress() {
        return ng;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
