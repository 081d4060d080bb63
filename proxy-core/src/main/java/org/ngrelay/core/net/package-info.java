/**
 * The media transport: event loops that own UDP sockets and run everything a call does.
 *
 * <p>A {@link org.ngrelay.core.net.MediaLoop} is one thread with one selector. Every socket of a
 * call is opened on the call's loop, and every control change to the call is executed there too,
 * so a packet's whole journey (receive, relay, send) runs on one thread without locks. Other
 * threads only ever call {@link org.ngrelay.core.net.MediaLoop#execute(Runnable)}.
 */
package org.ngrelay.core.net;
