/**
 * rtpengine's control CLI: the commands ({@link org.ngrelay.cli.control.ControlCli}) with
 * rtpengine 10.5's texts, and the TCP socket {@code rtpengine-ctl} talks to
 * ({@link org.ngrelay.cli.control.CliServer}). Connections live on one Netty event loop of their
 * own; answers complete on the media loops (which read the calls) and are written back from there.
 */
package org.ngrelay.cli.control;
