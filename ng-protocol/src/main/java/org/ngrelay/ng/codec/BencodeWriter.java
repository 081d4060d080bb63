package org.ngrelay.ng.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes replies as bencode, byte for byte what dampcake writes (dictionary keys in sorted order,
 * strings as ISO-8859-1), straight into one growing array.
 *
 * <p>Why not dampcake's encoder: its stream passes every byte through
 * {@code FilterOutputStream.write(int)} into a synchronized {@code ByteArrayOutputStream}; for an
 * offer reply (about 1 KB of SDP) that was the largest single cost of an offer+answer+delete in
 * the control-plane benchmark (docs/performance.md). dampcake stays the decoder and the test oracle.
 */
final class BencodeWriter {

    private byte[] out = new byte[1024];
    private int size;

    static byte[] encode(Map<String, ?> dictionary) {
        BencodeWriter w = new BencodeWriter();
        w.value(dictionary);
        return Arrays.copyOf(w.out, w.size);
    }

    private void value(Object v) {
        if (v instanceof CharSequence s) {
            string(s.toString());
        } else if (v instanceof Number n) {
            put('i');
            ascii(Long.toString(n.longValue()));
            put('e');
        } else if (v instanceof Map<?, ?> m) {
            dictionary(m);
        } else if (v instanceof Iterable<?> list) {
            put('l');
            for (Object item : list) {
                value(item);
            }
            put('e');
        } else if (v instanceof byte[] bytes) {
            ascii(Integer.toString(bytes.length));
            put(':');
            bytes(bytes);
        } else if (v == null) {
            throw new NullPointerException("Cannot write null objects");
        } else {
            string(v.toString()); // as dampcake does for any other object
        }
    }

    private void dictionary(Map<?, ?> m) {
        List<String> keys = new ArrayList<>(m.size());
        for (Object k : m.keySet()) {
            keys.add(k.toString());
        }
        keys.sort(null);
        put('d');
        for (String k : keys) {
            string(k);
            value(m.get(k));
        }
        put('e');
    }

    private void string(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        ascii(Integer.toString(bytes.length));
        put(':');
        bytes(bytes);
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            out[size++] = (byte) s.charAt(i);
        }
    }

    private void put(char c) {
        ensure(1);
        out[size++] = (byte) c;
    }

    private void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, out, size, b.length);
        size += b.length;
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
