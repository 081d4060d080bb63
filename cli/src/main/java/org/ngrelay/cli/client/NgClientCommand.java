package org.ngrelay.cli.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ngrelay.cli.HostPort;
import org.ngrelay.cli.Version;
import org.ngrelay.ng.codec.BodyFormat;
import org.ngrelay.ng.codec.Json;
import org.ngrelay.ng.codec.NgFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ngrelay ng COMMAND ...}: sends one ng request over UDP to ngrelay (or rtpengine) and
 * prints the reply, like {@code rtpengine-ng-client} but with any command and key, JSON in and
 * out, a timeout with retransmission under the same cookie (so the daemon's reply cache answers a
 * retry without running it twice), and an exit status a script can test.
 */
@Command(name = "ng", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false, usageHelpWidth = 100,
        description = {"Send one ng request to ngrelay or rtpengine and print the reply.",
            "Exit status: 0 ok (or pong), 1 result error or load limit (the reason goes to stderr), 2 bad usage or input,"
                + " 3 no reply after every try."},
        footer = {"", "Examples:",
            "  ngrelay ng ping --ng 127.0.0.1:2223",
            "  ngrelay ng offer --call-id c1 --from-tag a --sdp-file caller.sdp -f trust-address -l replace=origin",
            "  ngrelay ng answer --call-id c1 --from-tag a --to-tag b --sdp-file - < callee.sdp",
            "  ngrelay ng query --call-id c1 --json | jq .totals",
            "  ngrelay ng start recording --call-id c1 --key metadata=case:42",
            "  ngrelay ng offer --json-input request.json --key-json 'codec={\"strip\":[\"PCMA\"]}'",
            "  ngrelay ng delete --call-id c1 --key-json delete-delay=0",
            "  ngrelay ng statistics --json"})
public final class NgClientCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_ERROR = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_NO_REPLY = 3;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "COMMAND",
            description = "the ng command; several words make one (start recording); may instead come from --json-input")
    List<String> command = new ArrayList<>();

    @Option(names = "--ng", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:2223",
            description = "the daemon's ng address (default: ${DEFAULT-VALUE})")
    String address;

    @Option(names = "--call-id", paramLabel = "ID", description = "call-id")
    String callId;

    @Option(names = "--from-tag", paramLabel = "TAG", description = "from-tag")
    String fromTag;

    @Option(names = "--to-tag", paramLabel = "TAG", description = "to-tag")
    String toTag;

    @Option(names = "--via-branch", paramLabel = "BRANCH", description = "via-branch")
    String viaBranch;

    @Option(names = "--sdp", paramLabel = "TEXT", description = "the SDP itself")
    String sdp;

    @Option(names = "--sdp-file", paramLabel = "FILE", description = "read the SDP from FILE, '-' for stdin")
    String sdpFile;

    @Option(names = {"-f", "--flag"}, paramLabel = "FLAG", description = "add to flags (trust-address, ICE=remove, ...); repeatable")
    List<String> flags = new ArrayList<>();

    @Option(names = {"-k", "--key"}, paramLabel = "KEY=VALUE", description = "set a key to a string value; repeatable")
    List<String> keys = new ArrayList<>();

    @Option(names = "--key-json", paramLabel = "KEY=JSON",
            description = "set a key to a JSON value: a number, list or dictionary; repeatable")
    List<String> jsonKeys = new ArrayList<>();

    @Option(names = {"-l", "--list"}, paramLabel = "KEY=VALUE",
            description = "append VALUE to the list KEY (replace=origin, supports=load limit, received-from=IP4); repeatable")
    List<String> lists = new ArrayList<>();

    @Option(names = "--json-input", paramLabel = "FILE",
            description = "start from this JSON dictionary ('-' for stdin); the options above are added to it")
    String jsonInput;

    @Option(names = "--json", description = "send the request as JSON and print the whole reply as one JSON line")
    boolean json;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "1000",
            description = "wait this long for a reply before sending again (default: ${DEFAULT-VALUE})")
    int timeoutMs;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "send again this many times, with the same cookie (default: ${DEFAULT-VALUE})")
    int retries;

    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;

    public NgClientCommand() {
        this(System.in, System.out, System.err);
    }

    NgClientCommand(InputStream stdin, PrintStream out, PrintStream err) {
        this.stdin = stdin;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Map<String, Object> request;
        InetSocketAddress target;
        try {
            request = request();
            target = HostPort.parse(address, InetAddress.getLoopbackAddress());
        } catch (IllegalArgumentException | IOException | NgFormatException e) {
            err.println("ngrelay ng: " + e.getMessage());
            return EXIT_USAGE;
        }
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        String cookie = HexFormat.of().formatHex(random);
        BodyFormat format = json ? BodyFormat.JSON : BodyFormat.BENCODE;
        byte[] reply;
        try {
            reply = UdpExchange.send(target, cookie, format.encode(request), timeoutMs, retries);
        } catch (IOException e) {
            err.println("ngrelay ng: " + e.getMessage());
            return EXIT_NO_REPLY;
        }
        if (reply == null) {
            err.println("ngrelay ng: no reply from " + address + " after " + (retries + 1) + " tries of " + timeoutMs + " ms");
            return EXIT_NO_REPLY;
        }
        Map<String, Object> answer;
        try {
            answer = BodyFormat.of(reply.length > 0 ? reply[0] : (byte) 'd').decode(reply, 0, reply.length);
        } catch (NgFormatException e) {
            err.println("ngrelay ng: the reply cannot be read (" + e.getMessage() + "): " + new String(reply, StandardCharsets.ISO_8859_1));
            return EXIT_ERROR;
        }
        if (json) {
            out.println(Json.write(answer));
        } else {
            out.print(ReplyPrinter.print(answer));
        }
        Object result = answer.get("result");
        if ("ok".equals(result) || "pong".equals(result)) {
            return EXIT_OK;
        }
        Object reason = answer.get("error-reason") != null ? answer.get("error-reason") : answer.get("message");
        err.println("ngrelay ng: " + result + (reason != null ? ": " + reason : ""));
        return EXIT_ERROR;
    }

    /** The dictionary to send, from --json-input and the options, in that order. */
    Map<String, Object> request() throws IOException, NgFormatException {
        Map<String, Object> r = new LinkedHashMap<>();
        if (jsonInput != null) {
            r.putAll(Json.parseObject(read(jsonInput)));
        }
        if (!command.isEmpty()) {
            r.put("command", String.join(" ", command));
        }
        if (!(r.get("command") instanceof String)) {
            throw new IllegalArgumentException("no command: give one (ngrelay ng ping) or a \"command\" key in --json-input");
        }
        put(r, "call-id", callId);
        put(r, "from-tag", fromTag);
        put(r, "to-tag", toTag);
        put(r, "via-branch", viaBranch);
        if (sdp != null && sdpFile != null) {
            throw new IllegalArgumentException("--sdp and --sdp-file: give one of them");
        }
        put(r, "sdp", sdpFile != null ? read(sdpFile) : sdp);
        for (String f : flags) {
            append(r, "flags", f);
        }
        for (String kv : keys) {
            String[] p = split(kv, "--key");
            r.put(p[0], p[1]);
        }
        for (String kv : jsonKeys) {
            String[] p = split(kv, "--key-json");
            r.put(p[0], jsonValue(p[0], p[1]));
        }
        for (String kv : lists) {
            String[] p = split(kv, "--list");
            append(r, p[0], p[1]);
        }
        return r;
    }

    private static void put(Map<String, Object> r, String key, String value) {
        if (value != null) {
            r.put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void append(Map<String, Object> r, String key, Object value) {
        Object existing = r.get(key);
        List<Object> list;
        if (existing instanceof List<?> l) {
            list = (List<Object>) l;
        } else {
            list = new ArrayList<>();
            if (existing != null) {
                list.add(existing);
            }
            r.put(key, list);
        }
        list.add(value);
    }

    private static String[] split(String kv, String option) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(option + " " + kv + ": expected KEY=VALUE");
        }
        return new String[] {kv.substring(0, eq), kv.substring(eq + 1)};
    }

    private static Object jsonValue(String key, String text) throws NgFormatException {
        try {
            return Json.parseObject("{\"v\":" + text + "}").get("v");
        } catch (NgFormatException e) {
            throw new IllegalArgumentException("--key-json " + key + ": not JSON: " + text);
        }
    }

    private String read(String file) throws IOException {
        if (file.equals("-")) {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        }
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }
}
