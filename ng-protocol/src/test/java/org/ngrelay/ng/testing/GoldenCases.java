package org.ngrelay.ng.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ngrelay.ng.codec.Json;
import org.ngrelay.ng.codec.NgFormatException;

/**
 * The corpus of ng request sequences (test resources {@code golden/rtpengine-10.5/}): each case
 * names the daemon's interfaces and lists steps, each a request with rtpengine 10.5's recorded
 * reply, optionally a wait before it and an earlier step whose reply SDP it sends on.
 */
public final class GoldenCases {

    private static final String DIR = "golden/rtpengine-10.5";

    /** One step; {@code sdpFromStep} is -1 when the request carries its own SDP. */
    public record Step(Map<String, Object> request, Map<String, Object> recordedReply, long sleepBeforeSeconds, int sdpFromStep) {

        /** The request to send, given the replies the same daemon gave to the earlier steps. */
        public Map<String, Object> requestAfter(List<Map<String, Object>> earlierReplies) {
            Map<String, Object> r = new LinkedHashMap<>(request);
            if (sdpFromStep >= 0) {
                r.put("sdp", earlierReplies.get(sdpFromStep).get("sdp"));
            }
            return r;
        }
    }

    public record Case(String name, String description, List<String> interfaces, List<Step> steps) {

        public String id() {
            return name.substring(0, 3);
        }
    }

    private GoldenCases() {
    }

    @SuppressWarnings("unchecked")
    public static List<Case> all() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{3}-.*\\.json")).sorted().map(p -> {
                Map<String, Object> doc = readObject(p);
                List<Step> steps = ((List<Object>) doc.get("steps")).stream().map(o -> {
                    Map<String, Object> s = (Map<String, Object>) o;
                    return new Step((Map<String, Object>) s.get("request"), (Map<String, Object>) s.get("response"),
                            s.get("sleep_before") instanceof Long l ? l : 0,
                            s.get("sdp_from_step") instanceof Long l ? l.intValue() : -1);
                }).toList();
                return new Case(p.getFileName().toString().replace(".json", ""), (String) doc.get("description"),
                        (List<String>) doc.get("interfaces"), steps);
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Case id → reason, from {@code golden/known-differences.json}. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> knownDifferences() {
        Map<String, String> known = new TreeMap<>();
        for (Object o : readArray(dir().getParent().resolve("known-differences.json"))) {
            Map<String, Object> entry = (Map<String, Object>) o;
            known.put((String) entry.get("case"), (String) entry.get("reason"));
        }
        return known;
    }

    public static List<Object> rawCases() {
        return readArray(dir().resolve("raw-cases.json"));
    }

    private static Map<String, Object> readObject(Path p) {
        try {
            return Json.parseObject(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NgFormatException e) {
            throw new IllegalStateException(p + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> readArray(Path p) {
        try {
            return (List<Object>) Json.parseObject("{\"a\":" + Files.readString(p, StandardCharsets.UTF_8) + "}").get("a");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NgFormatException e) {
            throw new IllegalStateException(p + ": " + e.getMessage(), e);
        }
    }

    private static Path dir() {
        URL url = GoldenCases.class.getClassLoader().getResource(DIR + "/README.md");
        if (url == null) {
            throw new IllegalStateException(DIR + " is not on the test class path");
        }
        try {
            java.net.URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                // other modules' tests read the corpus from ng-protocol's test jar
                try {
                    java.nio.file.FileSystems.newFileSystem(uri, java.util.Map.of());
                } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                    // opened by an earlier call
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("cannot open " + uri, e);
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
