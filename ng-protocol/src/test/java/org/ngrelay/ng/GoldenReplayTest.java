package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ngrelay.core.call.CallConfig;
import org.ngrelay.ng.codec.Json;
import org.ngrelay.ng.codec.NgFormatException;
import org.ngrelay.ng.testing.InProcessRelay;
import org.ngrelay.ng.testing.NgClient;

/**
 * Replays every request sequence recorded from the real rtpengine 10.5 against ngrelay and
 * compares the replies: {@code result}, {@code error-reason}, {@code warning}, the SDP line by line
 * (terminators included) and query/delete dictionaries, after replacing what differs from run to
 * run (ports become symbols in order of appearance, keeping "RTCP = RTP + 1"; times; the
 * loop-protect id). A difference fails the build unless {@code known-differences.json} lists the
 * case with its reason, which docs/compatibility.md explains; a listed case that no longer
 * differs fails too, so the list stays true.
 */
@Timeout(300)
class GoldenReplayTest {

    private static final String DIR = "golden/rtpengine-10.5";
    private static final Set<String> TIME_KEYS = Set.of("created", "created_us", "last signal", "last packet");
    private static final Pattern SDP_PORTS = Pattern.compile("(?m)^(m=\\S+ |a=rtcp:)(\\d+)");
    private static final Pattern LOOP_ID = Pattern.compile("a=rtpengine:[0-9a-f]{12}");

    @Test
    void everyRecordedSequenceGetsRtpenginesReplies() throws Exception {
        Map<String, String> known = knownDifferences();
        List<String> failures = new ArrayList<>();
        int identical = 0;
        int documented = 0;
        List<Path> cases;
        try (Stream<Path> files = Files.list(resourceDir())) {
            cases = files.filter(p -> p.getFileName().toString().matches("\\d{3}-.*\\.json")).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        for (Path file : cases) {
            String name = file.getFileName().toString().replace(".json", "");
            String id = name.substring(0, 3);
            List<String> diffs = replay(file);
            if (diffs.isEmpty()) {
                identical++;
                if (known.containsKey(id)) {
                    failures.add(name + ": listed in known-differences.json but now identical: remove it from the list");
                }
            } else if (known.containsKey(id)) {
                documented++;
            } else {
                failures.add(name + ":\n    " + String.join("\n    ", diffs));
            }
        }
        System.out.println("golden: " + identical + " cases identical, " + documented + " documented differences, "
                + failures.size() + " failures");
        assertThat(failures).as("differences from rtpengine 10.5 that are not documented").isEmpty();
    }

    @Test
    void rawDatagramsGetRtpenginesReplies() throws Exception {
        List<Object> raw = parseJsonArray(Files.readString(resourceDir().resolve("raw-cases.json"), StandardCharsets.UTF_8));
        List<String> failures = new ArrayList<>();
        try (InProcessRelay relay = new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), 51000, 51999);
             NgClient ng = relay.client()) {
            for (Object o : raw) {
                @SuppressWarnings("unchecked")
                Map<String, Object> c = (Map<String, Object>) o;
                byte[] datagram = HexFormat.of().parseHex((String) c.get("datagram_hex"));
                byte[] reply = ng.rawDatagram(datagram);
                String expected = c.get("reply_text") instanceof String s ? s : null;
                String actual = reply == null ? null : new String(reply, StandardCharsets.UTF_8);
                if (expected == null || actual == null) {
                    if (expected != actual) {
                        failures.add(c.get("note") + ": expected " + expected + " but got " + actual);
                    }
                    continue;
                }
                String cookie = expected.substring(0, expected.indexOf(' ') + 1);
                if (!actual.startsWith(cookie)) {
                    failures.add(c.get("note") + ": reply does not start with cookie " + cookie + ": " + actual);
                    continue;
                }
                // Compared decoded: rtpengine writes its keys unsorted, ngrelay canonical (sorted)
                // bencode; both decode to the same dictionary, which is what clients read.
                List<String> diffs = new ArrayList<>();
                compare(String.valueOf(c.get("note")), decodeBody(expected.substring(cookie.length())),
                        decodeBody(actual.substring(cookie.length())), new PortSymbols(), new PortSymbols(), diffs);
                failures.addAll(diffs);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static Map<String, Object> decodeBody(String body) throws NgFormatException {
        return body.startsWith("{") ? Json.parseObject(body) : NgClient.decode(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Runs one case on a fresh ngrelay with the recorded daemon's interfaces; returns the differences. */
    private static List<String> replay(Path file) throws Exception {
        Map<String, Object> doc = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        List<String> interfaces = (List<String>) doc.get("interfaces");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) doc.get("steps");
        List<String> diffs = new ArrayList<>();
        PortSymbols theirs = new PortSymbols();
        PortSymbols ours = new PortSymbols();
        List<Map<String, Object>> replies = new ArrayList<>();
        try (InProcessRelay relay = new InProcessRelay(new CallConfig(60, 3600, 0, 3600, 0, 0), 30000, 31900,
                interfaces.toArray(new String[0]));
             NgClient ng = relay.client()) {
            for (int i = 0; i < steps.size(); i++) {
                Map<String, Object> step = steps.get(i);
                if (step.get("sleep_before") instanceof Long seconds) {
                    Thread.sleep(seconds * 1000); // the case itself waits (delete-delay expiry)
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> request = new LinkedHashMap<>((Map<String, Object>) step.get("request"));
                if (step.get("sdp_from_step") instanceof Long from) {
                    request.put("sdp", replies.get(from.intValue()).get("sdp"));
                }
                Map<String, Object> reply = ng.request(request);
                replies.add(reply);
                @SuppressWarnings("unchecked")
                Map<String, Object> expected = (Map<String, Object>) step.get("response");
                compare("step " + i + " (" + request.get("command") + ")", expected, reply, theirs, ours, diffs);
            }
        }
        return diffs;
    }

    private static void compare(String where, Object expected, Object actual, PortSymbols theirs, PortSymbols ours,
                                List<String> diffs) {
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            Set<String> keys = new TreeSet<>();
            e.keySet().forEach(k -> keys.add((String) k));
            a.keySet().forEach(k -> keys.add((String) k));
            for (String key : keys) {
                String path = where + "." + key;
                if (!e.containsKey(key)) {
                    diffs.add(path + ": not in rtpengine's reply, ngrelay has " + abbreviate(a.get(key)));
                } else if (!a.containsKey(key)) {
                    diffs.add(path + ": missing, rtpengine has " + abbreviate(e.get(key)));
                } else if (TIME_KEYS.contains(key)) {
                    if (!(a.get(key) instanceof Number)) {
                        diffs.add(path + ": not a number: " + a.get(key));
                    }
                } else if (key.equals("local port")) {
                    String te = theirs.symbol(String.valueOf(e.get("local address")), ((Number) e.get(key)).intValue());
                    String ta = ours.symbol(String.valueOf(a.get("local address")), ((Number) a.get(key)).intValue());
                    if (!te.equals(ta)) {
                        diffs.add(path + ": port " + ta + ", rtpengine's is " + te);
                    }
                } else if (key.equals("sdp") && e.get(key) instanceof String es && a.get(key) instanceof String as) {
                    compareSdp(path, es, as, theirs, ours, diffs);
                } else {
                    compare(path, e.get(key), a.get(key), theirs, ours, diffs);
                }
            }
        } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
            if (e.size() != a.size()) {
                diffs.add(where + ": " + a.size() + " entries, rtpengine has " + e.size() + ": " + abbreviate(e) + " vs " + abbreviate(a));
                return;
            }
            for (int i = 0; i < e.size(); i++) {
                compare(where + "[" + i + "]", e.get(i), a.get(i), theirs, ours, diffs);
            }
        } else if (expected instanceof Number e && actual instanceof Number a) {
            if (e.longValue() != a.longValue()) {
                diffs.add(where + ": " + a + ", rtpengine has " + e);
            }
        } else if (expected == null ? actual != null : !expected.equals(actual)) {
            diffs.add(where + ": " + abbreviate(actual) + ", rtpengine has " + abbreviate(expected));
        }
    }

    private static void compareSdp(String where, String expected, String actual, PortSymbols theirs, PortSymbols ours,
                                   List<String> diffs) {
        List<String> e = lines(normaliseSdp(expected, theirs));
        List<String> a = lines(normaliseSdp(actual, ours));
        int n = Math.max(e.size(), a.size());
        for (int i = 0; i < n; i++) {
            String el = i < e.size() ? e.get(i) : "<none>";
            String al = i < a.size() ? a.get(i) : "<none>";
            if (!el.equals(al)) {
                diffs.add(where + " line " + (i + 1) + ": ngrelay " + visible(al) + ", rtpengine " + visible(el));
                return; // the first differing line says enough
            }
        }
    }

    /** Ports become symbols per address: each interface has its own pool, so 30000 may be two sockets. */
    private static String normaliseSdp(String sdp, PortSymbols symbols) {
        List<String> lines = lines(sdp);
        String sessionAddress = "";
        for (String line : lines) {
            if (line.startsWith("m=")) {
                break;
            }
            if (line.startsWith("c=")) {
                sessionAddress = connectionAddress(line);
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("m=")) {
                String address = sessionAddress;
                for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("m="); j++) {
                    if (lines.get(j).startsWith("c=")) {
                        address = connectionAddress(lines.get(j));
                    }
                }
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).startsWith("m=")) {
                    end++;
                }
                out.append(replacePorts(String.join("", lines.subList(i, end)), address, symbols));
                i = end - 1;
            } else {
                out.append(line);
            }
        }
        return LOOP_ID.matcher(out.toString()).replaceAll("a=rtpengine:ID");
    }

    private static String connectionAddress(String cLine) {
        String[] parts = cLine.trim().split(" ");
        return parts[parts.length - 1];
    }

    private static String replacePorts(String section, String address, PortSymbols symbols) {
        Matcher m = SDP_PORTS.matcher(section);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + symbols.symbol(address, Integer.parseInt(m.group(2)))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Lines with their terminators, so CRLF against LF is a difference. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }

    private static String visible(String line) {
        return "'" + line.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }

    private static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    /**
     * Ports as P1, P2... by first appearance of (address, port); an odd port right after a known one
     * on the same address is "Pn+1". The address is what the SDP's c= or the query's local address
     * says, so the advertised address of a NATed interface counts as that interface's.
     */
    private static final class PortSymbols {
        private final Map<String, String> symbols = new HashMap<>();
        private int next;

        String symbol(String address, int port) {
            if (port == 0) {
                return "0";
            }
            String key = address + "|" + port;
            String known = symbols.get(key);
            if (known != null) {
                return known;
            }
            String below = symbols.get(address + "|" + (port - 1));
            String s = (port & 1) == 1 && below != null ? below + "+1" : "P" + (++next);
            symbols.put(key, s);
            return s;
        }
    }

    private static Map<String, String> knownDifferences() throws IOException, NgFormatException, URISyntaxException {
        Path file = resourceDir().getParent().resolve("known-differences.json");
        Map<String, String> known = new TreeMap<>();
        for (Object o : parseJsonArray(Files.readString(file, StandardCharsets.UTF_8))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) o;
            known.put((String) entry.get("case"), (String) entry.get("reason"));
        }
        return known;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> parseJsonArray(String text) throws NgFormatException {
        return (List<Object>) Json.parseObject("{\"a\":" + text + "}").get("a");
    }

    private static Path resourceDir() throws URISyntaxException, IOException {
        URL url = GoldenReplayTest.class.getClassLoader().getResource(DIR + "/README.md");
        if (url == null) {
            throw new IOException(DIR + " is not on the test class path");
        }
        return Path.of(url.toURI()).getParent();
    }
}
