/**
 * SRTP and SRTCP (RFC 3711): the AES counter-mode transform with HMAC-SHA1 authentication, key
 * derivation, roll-over counter estimation and the replay window, in place on the packet buffer
 * and without allocating per packet (JCE's AES in ECB mode makes the keystream, so no cipher is
 * initialised per packet). One {@link org.ngrelay.core.srtp.SrtpContext} per direction of a stream,
 * touched only on its call's media loop. Issue 12 part 3: the AES-CM suites (128, 192, 256 bits) and the NULL ones first; the other
 * suites, the JCE/libsrtp2/jitsi-srtp measurement and the media-path stages come next.
 */
package org.ngrelay.core.srtp;
