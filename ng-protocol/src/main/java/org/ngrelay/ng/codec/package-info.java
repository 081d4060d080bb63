/**
 * Message bodies: bencode (through dampcake) and JSON, which rtpengine 10.5 also accepts and
 * answers in kind. Strings are decoded as ISO-8859-1 so every byte survives the round trip
 * (an SDP's UTF-8 {@code s=} line comes back out byte for byte). Stateless, any thread.
 */
package org.ngrelay.ng.codec;
