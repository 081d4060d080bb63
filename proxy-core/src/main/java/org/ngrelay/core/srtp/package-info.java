/**
 * SRTP and SRTCP (RFC 3711, RFC 7714): every suite rtpengine 10.5 offers — AES-GCM (AEAD), AES-CM
 * 128/192/256, f8 and NULL with HMAC-SHA1 — with key derivation, roll-over counter estimation and
 * the replay window, in place on the packet buffer and without allocating per packet (JCE's AES in
 * ECB mode makes the keystream; GCM's GHASH is our own, since JCE's GCM needs a Cipher.init per
 * packet). A suite family is one {@code SrtpTransform}; one {@link org.ngrelay.core.srtp.SrtpContext}
 * per direction of a stream, touched only on its call's media loop. Why pure Java: docs/srtp.md.
 */
package org.ngrelay.core.srtp;
