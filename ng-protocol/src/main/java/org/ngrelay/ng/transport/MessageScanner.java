package org.ngrelay.ng.transport;

import io.netty.buffer.ByteBuf;

/**
 * Finds where an ng message ends on a byte stream: {@code COOKIE SP} and then one bencoded
 * dictionary (or JSON object), which delimits itself, as rtpengine's TCP ng framing has it. Reads
 * the buffer in place, without copying or decoding.
 */
final class MessageScanner {

    /** Not all of the message has arrived yet. */
    static final int INCOMPLETE = -1;
    /** The bytes cannot be an ng message: the stream cannot be re-synchronised. */
    static final int MALFORMED = -2;

    /** A cookie longer than this is not a cookie. */
    static final int MAX_COOKIE = 256;

    private MessageScanner() {
    }

    /** The index just after the message starting at {@code from}, or {@link #INCOMPLETE} / {@link #MALFORMED}. */
    static int end(ByteBuf buf, int from) {
        int limit = buf.writerIndex();
        int space = buf.indexOf(from, Math.min(limit, from + MAX_COOKIE + 1), (byte) ' ');
        if (space < 0) {
            return limit - from > MAX_COOKIE ? MALFORMED : INCOMPLETE;
        }
        if (space == from) {
            return MALFORMED;
        }
        int body = space + 1;
        if (body >= limit) {
            return INCOMPLETE;
        }
        byte first = buf.getByte(body);
        if (first == 'd') {
            return bencodeEnd(buf, body, limit);
        }
        return first == '{' ? jsonEnd(buf, body, limit) : MALFORMED;
    }

    private static int bencodeEnd(ByteBuf buf, int i, int limit) {
        int depth = 0;
        do {
            if (i >= limit) {
                return INCOMPLETE;
            }
            byte c = buf.getByte(i);
            if (c == 'd' || c == 'l') {
                depth++;
                i++;
            } else if (c == 'e') {
                if (depth == 0) {
                    return MALFORMED;
                }
                depth--;
                i++;
            } else if (c == 'i') {
                int e = buf.indexOf(i + 1, Math.min(limit, i + 22), (byte) 'e');
                if (e < 0) {
                    return limit - i > 21 ? MALFORMED : INCOMPLETE;
                }
                i = e + 1;
            } else if (c >= '0' && c <= '9') {
                long length = 0;
                int j = i;
                while (j < limit && buf.getByte(j) != ':') {
                    byte d = buf.getByte(j);
                    if (d < '0' || d > '9' || j - i >= 10) {
                        return MALFORMED;
                    }
                    length = length * 10 + (d - '0');
                    j++;
                }
                if (j >= limit) {
                    return INCOMPLETE;
                }
                long next = j + 1 + length;
                if (next > limit) {
                    return INCOMPLETE;
                }
                i = (int) next;
            } else {
                return MALFORMED;
            }
        } while (depth > 0);
        return i;
    }

    /** Brace matching outside strings; the JSON itself is checked by the decoder. */
    private static int jsonEnd(ByteBuf buf, int i, int limit) {
        int depth = 0;
        boolean inString = false;
        for (; i < limit; i++) {
            byte c = buf.getByte(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    return i + 1;
                }
            }
        }
        return INCOMPLETE;
    }
}
