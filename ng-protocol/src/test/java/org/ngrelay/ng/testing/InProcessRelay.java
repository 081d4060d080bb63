package org.ngrelay.ng.testing;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.ngrelay.core.call.CallConfig;
import org.ngrelay.core.call.CallManager;
import org.ngrelay.core.iface.InterfaceSpec;
import org.ngrelay.core.iface.Interfaces;
import org.ngrelay.core.net.MediaLoopGroup;
import org.ngrelay.core.recording.Recorder;
import org.ngrelay.ng.NgProcessor;
import org.ngrelay.ng.command.Commands;
import org.ngrelay.ng.command.NgOptions;
import org.ngrelay.ng.transport.NgUdpServer;

/**
 * ngrelay in the test's process: media loops, calls and a real ng UDP socket on 127.0.0.1.
 * Tests give each relay its own port range below 32768, where the kernel hands out no ephemeral
 * ports, so no client socket can take a port a test counts on.
 */
public final class InProcessRelay implements AutoCloseable {

    private final MediaLoopGroup loops;
    private final CallManager calls;
    private final NgUdpServer server;
    private final NgProcessor processor;
    private final Commands commands;
    private final Interfaces interfaces;

    public InProcessRelay(CallConfig config, int portMin, int portMax, String... interfaceSpecs) throws InterruptedException {
        this(config, Recorder.NONE, portMin, portMax, interfaceSpecs);
    }

    public InProcessRelay(CallConfig config, Recorder recorder, int portMin, int portMax, String... interfaceSpecs)
            throws InterruptedException {
        this(config, NgOptions.DEFAULTS, recorder, portMin, portMax, interfaceSpecs);
    }

    public InProcessRelay(CallConfig config, NgOptions options, Recorder recorder, int portMin, int portMax, String... interfaceSpecs)
            throws InterruptedException {
        List<InterfaceSpec> specs = new ArrayList<>();
        for (String s : interfaceSpecs.length == 0 ? new String[] {"127.0.0.1"} : interfaceSpecs) {
            specs.add(InterfaceSpec.parse(s));
        }
        interfaces = new Interfaces(specs, portMin, portMax);
        loops = new MediaLoopGroup(2);
        calls = new CallManager(config, interfaces, loops, recorder);
        commands = new Commands(calls, options);
        processor = new NgProcessor(commands);
        server = new NgUdpServer(processor, List.of(new InetSocketAddress("127.0.0.1", 0)));
    }

    /** rtpengine defaults, but deleted calls go at once. */
    public static InProcessRelay withPorts(int portMin, int portMax) throws InterruptedException {
        return new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), portMin, portMax);
    }

    public InetSocketAddress ngAddress() {
        return server.localAddresses().get(0);
    }

    /** The dispatcher behind the UDP socket, for tests that add another transport to it. */
    public NgProcessor processor() {
        return processor;
    }

    public Commands commands() {
        return commands;
    }

    public NgUdpServer udpServer() {
        return server;
    }

    public CallManager calls() {
        return calls;
    }

    public Interfaces interfaces() {
        return interfaces;
    }

    public NgClient client() {
        return new NgClient(ngAddress());
    }

    @Override
    public void close() {
        calls.loadLimits().close();
        server.close();
        loops.close();
    }
}
