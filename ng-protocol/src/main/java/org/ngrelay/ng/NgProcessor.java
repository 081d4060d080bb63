package org.ngrelay.ng;

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
import org.ngrelay.ng.codec.BodyFormat;
import org.ngrelay.ng.codec.NgFormatException;
import org.ngrelay.ng.command.Commands;
import org.ngrelay.ng.command.NgError;
import org.ngrelay.ng.command.NgRequest;

/**
 * One ng message in, one reply out, whatever carried it (UDP now; TCP or HTTP later): split the
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
     * @param reply    receives the reply datagram, on whichever thread finished the request; not
     *                 called at all for a message without a cookie (rtpengine answers nothing)
     */
    public void process(byte[] datagram, Consumer<byte[]> reply) {
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
        int bodyLength = datagram.length - bodyOffset;
        BodyFormat format = bodyLength > 0 ? BodyFormat.of(datagram[bodyOffset]) : BodyFormat.BENCODE;
        handle(datagram, bodyOffset, bodyLength, format).whenComplete((map, error) -> {
            Map<String, Object> body = map != null ? map : errorReply(error, cookie);
            byte[] out = frame(cookie, format, body);
            cache.complete(cookie, out);
            reply.accept(out);
        });
    }

    private CompletableFuture<Map<String, Object>> handle(byte[] datagram, int offset, int length, BodyFormat format) {
        try {
            if (length <= 0) {
                throw new NgFormatException(NgFormatException.NO_PAYLOAD);
            }
            NgRequest request = new NgRequest(format.decode(datagram, offset, length));
            String command = request.command();
            if (command == null) {
                throw new NgError(NgError.NO_COMMAND);
            }
            Function<NgRequest, CompletableFuture<Map<String, Object>>> handler = commands.handler(command);
            if (handler == null) {
                throw new NgError(NgError.UNRECOGNIZED_COMMAND, "command '" + command + "'");
            }
            return handler.apply(request);
        } catch (NgFormatException | NgError | CallException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            // A bug of ours must not take the daemon down or leave the client without an answer.
            LOG.log(Level.SEVERE, "ng request failed", e);
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Map<String, Object> errorReply(Throwable error, String cookie) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String reason;
        if (cause instanceof NgFormatException || cause instanceof NgError || cause instanceof CallException) {
            reason = cause.getMessage();
            String detail = cause instanceof NgError ng && ng.detail() != null ? " (" + ng.detail() + ")" : "";
            LOG.info(() -> "ng request " + cookie + " rejected: " + reason + detail);
        } else {
            reason = "Internal error: " + cause;
            LOG.log(Level.SEVERE, "ng request " + cookie + " failed", cause);
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

    private static int indexOf(byte[] data, byte b) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
