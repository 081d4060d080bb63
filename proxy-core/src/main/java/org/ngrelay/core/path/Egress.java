package org.ngrelay.core.path;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.ngrelay.core.net.MediaSocket;

/**
 * The send stage: out of this stream's local socket (symmetric RTP: the port the party was told
 * of) to where its {@link SourceLatch} says the party is (it tells this stage each change).
 */
public final class Egress {

    private InetSocketAddress target;
    private MediaSocket socket;
    private long sent;
    private long failed;

    /** @return false when the socket refused the packet; true when sent, or when there is nowhere to send yet */
    public boolean send(ByteBuffer packet) {
        InetSocketAddress to = target;
        MediaSocket s = socket;
        if (to == null || s == null) {
            return true;
        }
        if (s.send(packet, to)) {
            sent++;
            return true;
        }
        failed++;
        return false;
    }

    public boolean hasTarget() {
        return target != null;
    }

    void target(InetSocketAddress target) {
        this.target = target;
    }

    public void socket(MediaSocket socket) {
        this.socket = socket;
    }

    public MediaSocket socket() {
        return socket;
    }

    public long sent() {
        return sent;
    }

    public long failed() {
        return failed;
    }
}
