package org.ngrelay.ng;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ngrelay.core.call.CallException;
import org.ngrelay.core.sdp.Addresses;
import org.ngrelay.ng.codec.BodyFormat;
import org.ngrelay.ng.codec.NgFormatException;
import org.ngrelay.ng.command.Commands;
import org.ngrelay.ng.command.NgError;
import org.ngrelay.ng.command.NgRequest;

/**
 * One ng message in, one reply out, whatever carried it (UDP, HTTP {@code POST /ng}): split the
 * cookie, answer a retransmission from the cache, decode, dispatch, encode. Never throws: every
 * failure becomes {@code result: error} with rtpengine's error-reason, and the reason's detail
 * goes to the log with the call-id.
 */
public final class NgProcessor {

    private static final Logger LOG = Logger.getLogger(NgProcessor.class.getName());

    private final Commands commands;
    /** rtpengine keeps replies about 30 s; 64 MiB holds 30 s of a few thousand requests per second. */
    private final ReplyCache cache = new ReplyCache(30, TimeUnit.SECONDS, 200_000, 64L << 20);

    public NgProcessor(Commands commands) {
        this.commands = commands;
    }

    public ReplyCache cache() {
        return cache;
    }

    /**
     * @param datagram the whole message: {@code cookie SP body}
     * @param sender   the ng client (UDP source, HTTP peer); its address keys the control statistics
     * @param reply    receives the reply datagram, on whichever thread finished the request; not
     *                 called at all for a message without a cookie (rtpengine answers nothing)
     */
    public void process(byte[] datagram, InetSocketAddress sender, Consumer<byte[]> reply) {
        long startNs = System.nanoTime();
        int space = indexOf(datagram, (byte) ' ');
        if (space <= 0) {
            LOG.fine("ignoring ng message without a cookie");
            return;
        }
        String cookie = new String(datagram, 0, space, StandardCharsets.ISO_8859_1);
        ReplyCache.Entry cached = cache.claim(cookie);
        if (cached != null) {
            byte[] previous = cached.reply();
            if (previous != null) {
                reply.accept(previous);
            }
            // else: the first copy is still running; its reply will answer the client's next try
            return;
        }
        int bodyOffset = space + 1;
        handle(cookie, datagram, bodyOffset, datagram.length - bodyOffset, sender, startNs, (format, body) -> {
            byte[] out = frame(cookie, format, body);
            cache.complete(cookie, out);
            reply.accept(out);
        });
    }

    /**
     * An ng message without a cookie (HTTP {@code POST /ng-plain}, WebSocket
     * {@code ng-plain.rtpengine.com}): the body alone, bencode or JSON, answered with the reply
     * body alone in the same format. Without a cookie there is no retransmission to recognise,
     * so the reply cache is not involved.
     */
    public void processPlain(byte[] body, InetSocketAddress sender, Consumer<byte[]> reply) {
        handle("(plain)", body, 0, body.length, sender, System.nanoTime(), (format, map) -> reply.accept(format.encode(map)));
    }

    private interface Answer {
        void send(BodyFormat format, Map<String, Object> body);
    }

    private void handle(String cookie, byte[] message, int bodyOffset, int bodyLength, InetSocketAddress sender, long startNs,
                        Answer answer) {
        BodyFormat format = bodyLength > 0 ? BodyFormat.of(message[bodyOffset]) : BodyFormat.BENCODE;
        String source = sender == null ? null : Addresses.toText(sender.getAddress()) + ":" + sender.getPort();
        NgRequest request;
        CompletableFuture<Map<String, Object>> handled;
        try {
            request = decode(message, bodyOffset, bodyLength, format, source);
            handled = dispatch(request);
        } catch (NgFormatException | NgError e) {
            request = null;
            handled = CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            // A bug of ours must not take the daemon down or leave the client without an answer.
            LOG.log(Level.SEVERE, "ng request " + cookie + " could not be decoded", e);
            request = null;
            handled = CompletableFuture.failedFuture(e);
        }
        String command = request == null ? null : request.command();
        String callId = request == null ? null : request.string("call-id");
        handled.whenComplete((map, error) -> {
            Map<String, Object> body = map != null ? map : errorReply(error, cookie, callId);
            answer.send(format, body);
            if (sender != null) {
                commands.controlStats().record(Addresses.toText(sender.getAddress()), command, System.nanoTime() - startNs,
                        "error".equals(body.get("result")));
            }
        });
    }

    private static NgRequest decode(byte[] datagram, int offset, int length, BodyFormat format, String source)
            throws NgFormatException {
        if (length <= 0) {
            throw new NgFormatException(NgFormatException.NO_PAYLOAD);
        }
        NgRequest request = new NgRequest(format.decode(datagram, offset, length), source);
        if (request.command() == null) {
            throw new NgError(NgError.NO_COMMAND);
        }
        return request;
    }

    private CompletableFuture<Map<String, Object>> dispatch(NgRequest request) {
        String command = request.command();
        Function<NgRequest, CompletableFuture<Map<String, Object>>> handler = commands.handler(command);
        if (handler == null) {
            return CompletableFuture.failedFuture(new NgError(NgError.UNRECOGNIZED_COMMAND, "command '" + command + "'"));
        }
        try {
            return handler.apply(request);
        } catch (NgError | CallException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            // A bug of ours must not take the daemon down or leave the client without an answer.
            LOG.log(Level.SEVERE, callPrefix(request.string("call-id")) + "ng request failed", e);
            return CompletableFuture.failedFuture(e);
        }
    }

    /** {@code [call-id] } for log lines about a request, or nothing when it named no call. */
    private static String callPrefix(String callId) {
        return callId == null || callId.isEmpty() ? "" : "[" + callId + "] ";
    }

    private static Map<String, Object> errorReply(Throwable error, String cookie, String callId) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String reason;
        if (cause instanceof NgFormatException || cause instanceof NgError || cause instanceof CallException) {
            reason = cause.getMessage();
            String detail = cause instanceof NgError ng && ng.detail() != null ? " (" + ng.detail() + ")" : "";
            LOG.info(() -> callPrefix(callId) + "ng request " + cookie + " rejected: " + reason + detail);
        } else {
            reason = "Internal error: " + cause;
            LOG.log(Level.SEVERE, callPrefix(callId) + "ng request " + cookie + " failed", cause);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", "error");
        m.put("error-reason", reason);
        return m;
    }

    private static byte[] frame(String cookie, BodyFormat format, Map<String, Object> body) {
        byte[] c = cookie.getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = format.encode(body);
        byte[] out = new byte[c.length + 1 + b.length];
        System.arraycopy(c, 0, out, 0, c.length);
        out[c.length] = ' ';
        System.arraycopy(b, 0, out, c.length + 1, b.length);
        return out;
    }

    /** A message rtpengine would answer: {@code cookie SP ...} with a cookie of one byte or more. */
    public static boolean hasCookie(byte[] message) {
        return indexOf(message, (byte) ' ') > 0;
    }

    private static int indexOf(byte[] data, byte b) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
