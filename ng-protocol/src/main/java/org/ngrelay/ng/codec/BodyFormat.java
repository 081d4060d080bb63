package org.ngrelay.ng.codec;

import com.dampcake.bencode.Bencode;
import com.dampcake.bencode.BencodeException;
import com.dampcake.bencode.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** How a message body is written; the reply uses the request's format. */
public enum BodyFormat {
    BENCODE {
        @Override
        public Map<String, Object> decode(byte[] body, int offset, int length) throws NgFormatException {
            if (body[offset] != 'd') {
                throw new NgFormatException(NgFormatException.INVALID_FORMAT);
            }
            byte[] copy = offset == 0 && length == body.length ? body : java.util.Arrays.copyOfRange(body, offset, offset + length);
            try {
                // dampcake stops at the dictionary's end: trailing bytes are ignored, as rtpengine does.
                return BENCODE_CODEC.decode(copy, Type.DICTIONARY);
            } catch (BencodeException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
                throw new NgFormatException(NgFormatException.BAD_BENCODE);
            }
        }

        @Override
        public byte[] encode(Map<String, Object> reply) {
            return BencodeWriter.encode(reply);
        }
    },
    JSON {
        @Override
        public Map<String, Object> decode(byte[] body, int offset, int length) throws NgFormatException {
            return Json.parseObject(new String(body, offset, length, StandardCharsets.ISO_8859_1));
        }

        @Override
        public byte[] encode(Map<String, Object> reply) {
            return Json.write(reply).getBytes(StandardCharsets.ISO_8859_1);
        }
    };

    private static final Bencode BENCODE_CODEC = new Bencode(StandardCharsets.ISO_8859_1);

    /** Picks the format from the first byte, as rtpengine does ({@code {} is JSON). */
    public static BodyFormat of(byte first) {
        return first == '{' ? JSON : BENCODE;
    }

    public abstract Map<String, Object> decode(byte[] body, int offset, int length) throws NgFormatException;

    public abstract byte[] encode(Map<String, Object> reply);
}
