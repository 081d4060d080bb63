package org.ngrelay.core.path;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The source check and latch stage: rtpengine's endpoint learning. Where a party's packets may
 * come from, and where its media goes: the SDP's address until the party's own packets show its
 * real one ({@code --endpoint-learning}, {@code asymmetric}, {@code strict-source},
 * {@code media-handover}).
 */
public final class SourceLatch {

    /** Where this stream's media leaves: it is told each new endpoint, so a send reads its own field. */
    private final Egress egress;

    /** rtpengine's default endpoint-learning=delayed: the endpoint is fixed after 3 s of media. */
    public static final long LEARNING_NS = TimeUnit.SECONDS.toNanos(3);

    private boolean asymmetric;
    private boolean strictSource;
    private boolean mediaHandover;
    private EndpointLearning learning = EndpointLearning.DELAYED;
    /** Where the SDP says the party receives; null when unknown or on hold (zero address). */
    private InetSocketAddress sdpEndpoint;
    /** Where we send to the party: learned from its packets, else {@link #sdpEndpoint}. */
    private InetSocketAddress endpoint;
    private boolean latched;
    private long firstPacketNs;
    /** How well the learned source matches the SDP endpoint ({@link EndpointLearning#HEURISTIC}). */
    private int learnedRank;
    private long refused;

    public SourceLatch(Egress egress) {
        this.egress = egress;
    }

    private void endpoint(InetSocketAddress to) {
        endpoint = to;
        egress.target(to);
    }

    /** @return whether a packet from {@code source} is the party's; the learned endpoint may move to it */
    public boolean admit(InetSocketAddress source, long nowNs) {
        // nearly every packet: the learned sender again (the loop hands in the same address object); small enough to inline
        if (latched && source == endpoint) {
            return true;
        }
        return learn(source, nowNs);
    }

    private boolean learn(InetSocketAddress source, long nowNs) {
        if (asymmetric) {
            return true;
        }
        if (learning == EndpointLearning.OFF) {
            return check(!strictSource || sdpEndpoint == null || source.equals(sdpEndpoint));
        }
        if (!latched) {
            latched = true;
            firstPacketNs = nowNs;
            endpoint(source);
            learnedRank = learning == EndpointLearning.HEURISTIC ? rank(source) : 0;
            return true;
        }
        if (source.equals(endpoint)) {
            return true;
        }
        if (mediaHandover) {
            endpoint(source);
            return true;
        }
        if (learning != EndpointLearning.IMMEDIATE && nowNs - firstPacketNs < LEARNING_NS) {
            int rank = learning == EndpointLearning.HEURISTIC ? rank(source) : 0;
            if (rank >= learnedRank) {
                endpoint(source);
                learnedRank = rank;
            }
            return true;
        }
        return check(!strictSource);
    }

    private boolean check(boolean admitted) {
        if (!admitted) {
            refused++;
        }
        return admitted;
    }

    /** 3: the SDP's address and port, 2: its address, 1: its port, 0: anything else. */
    private int rank(InetSocketAddress source) {
        InetSocketAddress sdp = sdpEndpoint;
        if (sdp == null) {
            return 0;
        }
        boolean address = sdp.getAddress().equals(source.getAddress());
        boolean port = sdp.getPort() == source.getPort();
        return address ? (port ? 3 : 2) : (port ? 1 : 0);
    }

    /**
     * What the party's SDP says now. A changed endpoint restarts learning (a re-INVITE moved the
     * party); null (hold, zero address) keeps what was learned and stops sending where nothing was.
     */
    public void expect(InetSocketAddress newEndpoint, boolean asymmetric, boolean strictSource, boolean mediaHandover,
                       EndpointLearning learning) {
        this.asymmetric = asymmetric;
        this.strictSource = strictSource;
        this.mediaHandover = mediaHandover;
        this.learning = learning;
        if (newEndpoint == null) {
            sdpEndpoint = null;
            if (!latched) {
                endpoint(null);
            }
            return;
        }
        if (!newEndpoint.equals(sdpEndpoint) || endpoint == null) {
            sdpEndpoint = newEndpoint;
            endpoint(newEndpoint);
            latched = false;
        }
    }

    /** Where the party's media goes now, or null. */
    public InetSocketAddress endpoint() {
        return endpoint;
    }

    /** A packet has come from the party (query's "filled"). */
    public boolean latched() {
        return latched;
    }

    /** The learned endpoint is fixed (query's "confirmed"). */
    public boolean confirmed(long nowNs) {
        return latched && (learning == EndpointLearning.IMMEDIATE || nowNs - firstPacketNs >= LEARNING_NS);
    }

    /** Packets refused under strict-source. */
    public long refused() {
        return refused;
    }
}
