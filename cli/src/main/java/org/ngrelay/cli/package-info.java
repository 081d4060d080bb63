/**
 * The {@code ngrelay} command: the daemon's options and ini config (rtpengine's names and
 * format), logging set-up (stderr or syslog), the wiring of proxy-core, ng-protocol and
 * recording, and what the operations sockets share ({@link org.ngrelay.cli.HostPort},
 * {@link org.ngrelay.ng.transport.TcpListener}). The daemon's set-up runs on the main thread at start-up
 * and shut-down only; {@link org.ngrelay.cli.SyslogHandler} is called on whichever thread logs and
 * sends from a Netty event loop of its own; each {@code TcpListener} owns one event loop.
 */
package org.ngrelay.cli;
