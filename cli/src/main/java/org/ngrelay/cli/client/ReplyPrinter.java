package org.ngrelay.cli.client;

import java.util.List;
import java.util.Map;

/**
 * A reply for people: {@code key: value} lines indented by nesting, lists as {@code - item}, and an
 * SDP (any string with line breaks) printed as its own lines so it reads as it would on the wire.
 */
final class ReplyPrinter {

    private ReplyPrinter() {
    }

    static String print(Map<String, Object> reply) {
        StringBuilder sb = new StringBuilder();
        // result first: it is what a reader looks for
        if (reply.containsKey("result")) {
            entry(sb, 0, "result", reply.get("result"));
        }
        for (Map.Entry<String, Object> e : reply.entrySet()) {
            if (!e.getKey().equals("result")) {
                entry(sb, 0, e.getKey(), e.getValue());
            }
        }
        return sb.toString();
    }

    private static void entry(StringBuilder sb, int depth, String key, Object value) {
        indent(sb, depth).append(key).append(':');
        value(sb, depth, value);
    }

    private static void value(StringBuilder sb, int depth, Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                sb.append(" {}\n");
                return;
            }
            sb.append('\n');
            for (Map.Entry<?, ?> e : map.entrySet()) {
                entry(sb, depth + 1, String.valueOf(e.getKey()), e.getValue());
            }
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                sb.append(" []\n");
                return;
            }
            sb.append('\n');
            for (Object o : list) {
                indent(sb, depth + 1).append('-');
                value(sb, depth + 1, o);
            }
        } else if (value instanceof String s && (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0)) {
            sb.append('\n');
            for (String line : s.split("\r?\n|\r")) {
                indent(sb, depth + 1).append(line).append('\n');
            }
        } else {
            sb.append(' ').append(value).append('\n');
        }
    }

    private static StringBuilder indent(StringBuilder sb, int depth) {
        return sb.append("  ".repeat(depth));
    }
}
