/**
 * ng transports: UDP listeners on Netty (epoll when available). The control event loop only
 * decodes and hands requests to the calls' loops; replies are written from whichever thread
 * finished the request (Netty channels are thread-safe for writes).
 */
package org.ngrelay.ng.transport;
