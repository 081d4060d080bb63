package org.ngrelay.cli.control;

/** The ng control sockets (UDP and TCP), as {@code rtpengine-ctl list|set controltos} sees them. */
public interface ControlSockets {

    /** {@code --control-tos}: the TOS byte the ng sockets send with (0: left alone). */
    int tos();

    /** {@code set controltos}: every ng socket (and TCP connection) from now on. */
    void tos(int tos);

    /** A TOS holder with no sockets behind it (tests, embedders without ng sockets). */
    static ControlSockets holder(int initial) {
        return new ControlSockets() {
            private volatile int tos = initial;

            @Override
            public int tos() {
                return tos;
            }

            @Override
            public void tos(int tos) {
                this.tos = tos;
            }
        };
    }
}
