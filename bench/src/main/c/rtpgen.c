/*
 * rtpgen: the load tool's packet engine. Streams G.711 RTP (172-byte PCMU packets, correct
 * sequence numbers, timestamps and SSRCs, the send time in the first 8 payload bytes) to the
 * targets the Java side set up over ng, receives what the daemon relays back, and prints one
 * line of figures for the measurement window.
 *
 * Why C and why this shape: the generator must cost less per packet than the relay it measures.
 * A Java/Netty generator (sendmmsg/recvmmsg through Netty epoll) measured 54 % of a core for
 * 1000 calls with no daemon at all and saturated at 2000, with p99 > 19 ms from its own pauses
 * (docs/performance.md). Here one thread wakes on its own timer only: each tick drains every
 * socket with recvmmsg and sends what has fallen due with sendmmsg. The sockets are not in an
 * epoll set, so the daemon's sends never pay for waking us, as they would not for a remote phone
 * behind a NIC. Latency is taken from the kernel's receive timestamp (SO_TIMESTAMPNS), so when
 * we read a packet does not change what is measured.
 *
 * Usage: rtpgen --targets FILE --local IP --port P [--sockets K] [--rate PPS] [--warmup-ms N]
 *               [--duration-ms N] [--grace-ms N] [--tick-us N] [--pid DAEMON_PID] [--srtp SUITE]
 * FILE has one call per line: "A_TARGET_IP A_TARGET_PORT B_TARGET_IP B_TARGET_PORT", where the
 * caller (A) sends to the first and the callee (B) to the second. Call i's caller uses local
 * port P + i % K, its callee P + K + i % K.
 *
 * SRTP (--srtp SUITE, SDES as RFC 4568: each side's key is the one it sends with): the callee leg
 * speaks SRTP through libsrtp2, the caller leg stays plain, so the daemon bridges plain <-> SRTP.
 * Each line of FILE then has two more fields, the callee's send key and the daemon's (the key in
 * the daemon's a=crypto line, with which the callee unprotects), master key and salt in hex. The
 * callee protects each packet after its send time is stamped; a packet the callee receives that
 * fails to unprotect is counted (unprotect_errors) and, like a packet of the wrong size, is lost.
 * Build with -lsrtp2 -lnss3 (Debian libsrtp2-dev; Debian's libsrtp2 does its crypto through NSS).
 *
 * Debian's libsrtp2 costs 4 µs per protect + unprotect with a few sessions, and 36 µs with 1000
 * calls' sessions (measured here): NSS keeps one PKCS#11 session per live context, every packet
 * looks its session up, and libsrtp2 initialises NSS with NSS_INIT_OPTIMIZESPACE (hash tables of
 * 32 buckets). So NSS is initialised here first with its full-size tables (libsrtp2's own
 * NSS_InitContext then shares them), and the unused RTCP side of each session gets the null
 * policy, so it holds no NSS objects: 18 µs at 1000 calls. That still limits the SRTP point to a
 * few hundred calls on this machine's generator core (see docs/performance.md).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <nss.h>
#include <srtp2/srtp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define HEADER 12
#define PACKET 172
#define SSRC_BASE 0x4E000000u
/* a batch is stamped just before its sendmmsg: small enough that its last packet leaves within
 * tens of µs of the stamp, large enough to amortise the system call */
#define BATCH 16
#define MAX_SOCKETS 64
/* log-linear histogram of microseconds: exact below 1024, then 64 sub-buckets per power of two */
#define HIST_BUCKETS (1024 + 54 * 64)

typedef struct sockaddr_storage addr_t;

static int nsock;                       /* per side */
static int fds[2 * MAX_SOCKETS];        /* A side 0..nsock-1, B side nsock.. */
static long streams;
static addr_t *target;
static socklen_t *target_len;
static uint16_t *seq;
static uint32_t *ts;
static uint64_t hist[HIST_BUCKETS];
static uint64_t max_latency_us;

/* SRTP mode: one libsrtp2 session per call and direction (the callee's send and receive) */
static const char *srtp_suite;
static int srtp_tag_len;                /* bytes protect adds: the auth tag */
static srtp_t *srtp_out, *srtp_in;
static uint64_t srtp_ok, unprotect_errors;

struct batch {
    int n;
    struct mmsghdr msg[BATCH];
    struct iovec iov[BATCH];
    long stream[BATCH];                 /* SRTP mode: whose packet, for its session */
    unsigned char buf[BATCH][PACKET + SRTP_MAX_TRAILER_LEN];
};
static struct batch *out;               /* one per socket */

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return (uint64_t) t.tv_sec * 1000000000u + t.tv_nsec;
}

static int bucket(uint64_t us) {
    if (us < 1024) return (int) us;
    int e = 63 - __builtin_clzll(us);
    int b = 1024 + (e - 10) * 64 + (int) ((us >> (e - 6)) & 63);
    return b < HIST_BUCKETS ? b : HIST_BUCKETS - 1;
}

static uint64_t bucket_value(int b) {
    if (b < 1024) return (uint64_t) b;
    int e = (b - 1024) / 64 + 10;
    return ((uint64_t) 1 << e) + ((uint64_t) ((b - 1024) % 64) << (e - 6));
}

static uint64_t percentile(uint64_t total, double p) {
    uint64_t want = (uint64_t) (total * p / 100.0), seen = 0;
    for (int b = 0; b < HIST_BUCKETS; b++) {
        seen += hist[b];
        if (seen > want) return bucket_value(b);
    }
    return 0;
}

static double cpu_of(long pid) {
    if (pid <= 0) return -1;
    char path[64], buf[2048];
    snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *p = strrchr(buf, ')');
    if (!p) return -1;
    unsigned long utime = 0, stime = 0;
    /* fields after the command: state(3) ... utime(14) stime(15) */
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2) return -1;
    return (double) (utime + stime) / sysconf(_SC_CLK_TCK);
}

static double self_cpu(void) {
    struct rusage r;
    getrusage(RUSAGE_SELF, &r);
    return r.ru_utime.tv_sec + r.ru_stime.tv_sec + (r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
}

static socklen_t parse_addr(const char *ip, int port, addr_t *a) {
    memset(a, 0, sizeof *a);
    struct sockaddr_in *v4 = (struct sockaddr_in *) a;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *) a;
    if (inet_pton(AF_INET, ip, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(port);
        return sizeof *v4;
    }
    if (inet_pton(AF_INET6, ip, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(port);
        return sizeof *v6;
    }
    fprintf(stderr, "rtpgen: not an IP address: %s\n", ip);
    exit(1);
}

static int open_socket(const char *ip, int port) {
    addr_t a;
    socklen_t len = parse_addr(ip, port, &a);
    int fd = socket(a.ss_family, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    int on = 1, size = 16 << 20;
    if (fd < 0) { perror("rtpgen: socket"); exit(1); }
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) < 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof size) < 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on);
    if (bind(fd, (struct sockaddr *) &a, len) < 0) {
        fprintf(stderr, "rtpgen: cannot bind %s:%d: %s\n", ip, port, strerror(errno));
        exit(1);
    }
    return fd;
}

/* the suites the load tool offers to answer; the RTCP policy is unused (no RTCP is sent) */
static int srtp_policy(const char *suite, srtp_crypto_policy_t *p, int *key_len) {
    if (!strcmp(suite, "AES_CM_128_HMAC_SHA1_80")) { srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(p); *key_len = 30; }
    else if (!strcmp(suite, "AES_CM_128_HMAC_SHA1_32")) { srtp_crypto_policy_set_aes_cm_128_hmac_sha1_32(p); *key_len = 30; }
    else if (!strcmp(suite, "AES_256_CM_HMAC_SHA1_80")) { srtp_crypto_policy_set_aes_cm_256_hmac_sha1_80(p); *key_len = 46; }
    else if (!strcmp(suite, "AES_256_CM_HMAC_SHA1_32")) { srtp_crypto_policy_set_aes_cm_256_hmac_sha1_32(p); *key_len = 46; }
    else return -1;
    return 0;
}

static srtp_t srtp_session(const char *hex, int inbound, long call) {
    srtp_policy_t policy;
    unsigned char key[SRTP_MAX_KEY_LEN];
    int key_len;
    memset(&policy, 0, sizeof policy);
    srtp_policy(srtp_suite, &policy.rtp, &key_len);
    srtp_crypto_policy_set_null_cipher_hmac_null(&policy.rtcp); /* no RTCP is sent: no NSS objects for it */
    if ((int) strlen(hex) != 2 * key_len) {
        fprintf(stderr, "rtpgen: call %ld: a %s key is %d bytes, not %zu\n", call, srtp_suite, key_len, strlen(hex) / 2);
        exit(1);
    }
    for (int i = 0; i < key_len; i++) {
        unsigned int b;
        if (sscanf(hex + 2 * i, "%2x", &b) != 1) { fprintf(stderr, "rtpgen: call %ld: bad key hex\n", call); exit(1); }
        key[i] = (unsigned char) b;
    }
    policy.ssrc.type = inbound ? ssrc_any_inbound : ssrc_any_outbound;
    policy.key = key;
    policy.window_size = 128;
    srtp_t s;
    srtp_err_status_t st = srtp_create(&s, &policy);
    if (st != srtp_err_status_ok) { fprintf(stderr, "rtpgen: call %ld: srtp_create failed (%d)\n", call, st); exit(1); }
    return s;
}

static void load_targets(const char *file) {
    FILE *f = fopen(file, "r");
    if (!f) { perror(file); exit(1); }
    long cap = 1024, calls = 0;
    char aip[64], bip[64], line[512], bsends[2 * SRTP_MAX_KEY_LEN + 2], breceives[2 * SRTP_MAX_KEY_LEN + 2];
    int ap, bp;
    target = malloc(sizeof *target * 2 * cap);
    target_len = malloc(sizeof *target_len * 2 * cap);
    srtp_out = malloc(sizeof *srtp_out * cap);
    srtp_in = malloc(sizeof *srtp_in * cap);
    while (fgets(line, sizeof line, f)) {
        int fields = sscanf(line, "%63s %d %63s %d %97s %97s", aip, &ap, bip, &bp, bsends, breceives);
        if (fields <= 0) continue;
        if (fields != (srtp_suite ? 6 : 4)) {
            fprintf(stderr, "rtpgen: %s line %ld: %d fields, not %d\n", file, calls + 1, fields, srtp_suite ? 6 : 4);
            exit(1);
        }
        if (calls == cap) {
            cap *= 2;
            target = realloc(target, sizeof *target * 2 * cap);
            target_len = realloc(target_len, sizeof *target_len * 2 * cap);
            srtp_out = realloc(srtp_out, sizeof *srtp_out * cap);
            srtp_in = realloc(srtp_in, sizeof *srtp_in * cap);
        }
        target_len[2 * calls] = parse_addr(aip, ap, &target[2 * calls]);
        target_len[2 * calls + 1] = parse_addr(bip, bp, &target[2 * calls + 1]);
        if (srtp_suite) {
            srtp_out[calls] = srtp_session(bsends, 0, calls);
            srtp_in[calls] = srtp_session(breceives, 1, calls);
        }
        calls++;
    }
    fclose(f);
    streams = 2 * calls;
    if (streams == 0) { fprintf(stderr, "rtpgen: no calls in %s\n", file); exit(1); }
    seq = calloc(streams, sizeof *seq);
    ts = calloc(streams, sizeof *ts);
    for (long s = 0; s < streams; s++) seq[s] = (uint16_t) (s * 7919);
}

static int socket_of(long s) {
    return ((s & 1) ? nsock : 0) + (int) ((s >> 1) % nsock);
}

static uint64_t sent_win, send_failed, received, misrouted, unexpected;
static uint64_t win_start = UINT64_MAX, win_end = UINT64_MAX;

static void flush(int k) {
    struct batch *b = &out[k];
    uint64_t t = now_ns();
    for (int i = 0; i < b->n; i++) memcpy(b->buf[i] + HEADER, &t, 8);
    if (srtp_suite && k >= nsock) {
        /* after the stamp, which must be inside the encrypted payload; the batch's last packet
         * leaves later by the protects before it (about 1 µs each) */
        for (int i = 0; i < b->n; i++) {
            int len = PACKET;
            srtp_err_status_t st = srtp_protect(srtp_out[b->stream[i] >> 1], b->buf[i], &len);
            if (st != srtp_err_status_ok) { fprintf(stderr, "rtpgen: srtp_protect failed (%d)\n", st); exit(1); }
            b->iov[i].iov_len = (size_t) len;
        }
    }
    if (t >= win_start && t < win_end) sent_win += b->n;
    int done = 0;
    while (done < b->n) {
        int r = sendmmsg(fds[k], b->msg + done, b->n - done, MSG_DONTWAIT);
        if (r <= 0) {
            if (r < 0 && errno == EINTR) continue;
            send_failed += b->n - done;
            break;
        }
        done += r;
    }
    b->n = 0;
}

static void queue(long s) {
    int k = socket_of(s);
    struct batch *b = &out[k];
    unsigned char *p = b->buf[b->n];
    uint32_t ssrc = htonl(SSRC_BASE + (uint32_t) s), stamp = htonl(ts[s]);
    uint16_t sq = htons(seq[s]);
    if (srtp_suite && k >= nsock) {
        memset(p + HEADER + 8, 0xff, PACKET - HEADER - 8); /* protect encrypted the slot's last payload in place */
        b->stream[b->n] = s;
    }
    p[0] = 0x80;   /* V=2 */
    p[1] = 0;      /* PT 0, PCMU */
    memcpy(p + 2, &sq, 2);
    memcpy(p + 4, &stamp, 4);
    memcpy(p + 8, &ssrc, 4);
    seq[s]++;
    ts[s] += 160;
    b->msg[b->n].msg_hdr.msg_name = &target[s];
    b->msg[b->n].msg_hdr.msg_namelen = target_len[s];
    if (++b->n == BATCH) flush(k);
}

static void drain(int k) {
    static struct mmsghdr msg[64];
    static struct iovec iov[64];
    static unsigned char buf[64][2048];
    static unsigned char ctl[64][CMSG_SPACE(sizeof(struct timespec))];
    for (;;) {
        for (int i = 0; i < 64; i++) {
            iov[i].iov_base = buf[i];
            iov[i].iov_len = sizeof buf[i];
            memset(&msg[i].msg_hdr, 0, sizeof msg[i].msg_hdr);
            msg[i].msg_hdr.msg_iov = &iov[i];
            msg[i].msg_hdr.msg_iovlen = 1;
            msg[i].msg_hdr.msg_control = ctl[i];
            msg[i].msg_hdr.msg_controllen = sizeof ctl[i];
        }
        int n = recvmmsg(fds[k], msg, 64, MSG_DONTWAIT, NULL);
        if (n <= 0) return;
        for (int i = 0; i < n; i++) {
            unsigned char *p = buf[i];
            if (srtp_suite && k >= nsock) {
                /* the callee's socket: SRTP from the daemon, so a plain packet here is unexpected */
                if (msg[i].msg_len != PACKET + (unsigned) srtp_tag_len) { unexpected++; continue; }
                uint32_t ssrc;
                memcpy(&ssrc, p + 8, 4);
                long s = (long) ntohl(ssrc) - (long) SSRC_BASE;
                if (s < 0 || s >= streams) { unexpected++; continue; }
                if (socket_of(s ^ 1) != k) { misrouted++; continue; } /* another call's session would fail it */
                int len = (int) msg[i].msg_len;
                if (srtp_unprotect(srtp_in[s >> 1], p, &len) != srtp_err_status_ok) { unprotect_errors++; continue; }
                srtp_ok++;
            } else if (msg[i].msg_len != PACKET) { unexpected++; continue; }
            uint32_t ssrc;
            memcpy(&ssrc, p + 8, 4);
            long s = (long) ntohl(ssrc) - (long) SSRC_BASE;
            if (s < 0 || s >= streams) { unexpected++; continue; }
            uint64_t sent;
            memcpy(&sent, p + HEADER, 8);
            if (sent < win_start || sent >= win_end) continue;
            /* the caller's packets must come out at the callee's socket, and the other way round */
            if (socket_of(s ^ 1) != k) { misrouted++; continue; }
            uint64_t arrived = 0;
            for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg[i].msg_hdr); c; c = CMSG_NXTHDR(&msg[i].msg_hdr, c)) {
                if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
                    struct timespec t;
                    memcpy(&t, CMSG_DATA(c), sizeof t);
                    arrived = (uint64_t) t.tv_sec * 1000000000u + t.tv_nsec;
                }
            }
            if (arrived == 0) arrived = now_ns();
            uint64_t us = arrived > sent ? (arrived - sent) / 1000 : 0;
            received++;
            hist[bucket(us)]++;
            if (us > max_latency_us) max_latency_us = us;
        }
        if (n < 64) return;
    }
}

int main(int argc, char **argv) {
    const char *targets = NULL, *local = "127.0.0.1";
    int port = 0, rate = 50;
    long warmup_ms = 3000, duration_ms = 10000, grace_ms = 500, tick_us = 1000, pid = 0;
    nsock = 4;
    for (int i = 1; i + 1 < argc; i += 2) {
        const char *k = argv[i], *v = argv[i + 1];
        if (!strcmp(k, "--targets")) targets = v;
        else if (!strcmp(k, "--local")) local = v;
        else if (!strcmp(k, "--port")) port = atoi(v);
        else if (!strcmp(k, "--sockets")) nsock = atoi(v);
        else if (!strcmp(k, "--rate")) rate = atoi(v);
        else if (!strcmp(k, "--warmup-ms")) warmup_ms = atol(v);
        else if (!strcmp(k, "--duration-ms")) duration_ms = atol(v);
        else if (!strcmp(k, "--grace-ms")) grace_ms = atol(v);
        else if (!strcmp(k, "--tick-us")) tick_us = atol(v);
        else if (!strcmp(k, "--pid")) pid = atol(v);
        else if (!strcmp(k, "--srtp")) srtp_suite = v;
        else { fprintf(stderr, "rtpgen: unknown option %s\n", k); return 1; }
    }
    if (!targets || port <= 0 || nsock < 1 || nsock > MAX_SOCKETS || rate < 1 || tick_us < 50) {
        fprintf(stderr, "usage: rtpgen --targets FILE --local IP --port P [--sockets K<=%d] [--rate PPS] "
                        "[--warmup-ms N] [--duration-ms N] [--grace-ms N] [--tick-us N] [--pid PID] [--srtp SUITE]\n", MAX_SOCKETS);
        return 1;
    }
    if (srtp_suite) {
        srtp_crypto_policy_t p;
        int key_len;
        if (srtp_policy(srtp_suite, &p, &key_len)) { fprintf(stderr, "rtpgen: unsupported SRTP suite %s\n", srtp_suite); return 1; }
        /* before srtp_init: NSS's full-size session tables instead of libsrtp2's space-optimised ones */
        if (!NSS_InitContext("", "", "", "", NULL, NSS_INIT_READONLY | NSS_INIT_NOCERTDB | NSS_INIT_NOMODDB
                             | NSS_INIT_FORCEOPEN | NSS_INIT_NOROOTINIT)) {
            fprintf(stderr, "rtpgen: NSS_InitContext failed\n");
            return 1;
        }
        if (srtp_init() != srtp_err_status_ok) { fprintf(stderr, "rtpgen: srtp_init failed\n"); return 1; }
        srtp_tag_len = p.auth_tag_len;
    }
    load_targets(targets);
    for (int k = 0; k < 2 * nsock; k++) fds[k] = open_socket(local, port + k);
    out = calloc(MAX_SOCKETS * 2, sizeof *out);
    for (int k = 0; k < 2 * nsock; k++) {
        for (int i = 0; i < BATCH; i++) {
            memset(out[k].buf[i] + HEADER + 8, 0xff, PACKET - HEADER - 8); /* PCMU silence */
            out[k].iov[i].iov_base = out[k].buf[i];
            out[k].iov[i].iov_len = PACKET;
            out[k].msg[i].msg_hdr.msg_iov = &out[k].iov[i];
            out[k].msg[i].msg_hdr.msg_iovlen = 1;
        }
    }

    const uint64_t interval = 1000000000ull / ((uint64_t) rate * streams);
    const uint64_t t0 = now_ns();
    const uint64_t ws = t0 + warmup_ms * 1000000ull, we = ws + duration_ms * 1000000ull, stop = we + grace_ms * 1000000ull;
    uint64_t scheduled = 0, max_lag = 0, late_ticks = 0;
    double daemon0 = -1, daemon1 = -1, self0 = 0, self1 = 0;
    uint64_t next = t0;
    for (;;) {
        uint64_t now = now_ns();
        if (now >= stop) break;
        if (win_start == UINT64_MAX && now >= ws) {
            win_start = now;
            win_end = we;
            daemon0 = cpu_of(pid);
            self0 = self_cpu();
        }
        if (daemon1 < 0 && now >= we && win_start != UINT64_MAX) {
            daemon1 = cpu_of(pid);
            self1 = self_cpu();
        }
        for (int k = 0; k < 2 * nsock; k++) drain(k);
        uint64_t due = (now - t0) / interval + 1;
        if (due > scheduled) {
            uint64_t lag = now - (t0 + scheduled * interval);
            if (now >= win_start && now < win_end) {
                if (lag > max_lag) max_lag = lag;
                if (lag > 2 * tick_us * 1000ull) late_ticks++;
            }
            while (scheduled < due) queue((long) (scheduled++ % streams));
            for (int k = 0; k < 2 * nsock; k++) if (out[k].n) flush(k);
        }
        next += tick_us * 1000ull;
        if (next > now) {
            struct timespec t = { (time_t) (next / 1000000000u), (long) (next % 1000000000u) };
            clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &t, NULL);
        } else {
            next = now;
        }
    }
    uint64_t expected = (win_end - win_start) / interval;
    printf("rtpgen calls=%ld expected=%llu sent=%llu send_failed=%llu received=%llu misrouted=%llu unexpected=%llu "
           "p50_us=%llu p99_us=%llu p999_us=%llu max_us=%llu window_s=%.3f gen_cpu_s=%.3f daemon_cpu_s=%.3f "
           "max_lag_us=%llu late_ticks=%llu",
           streams / 2, (unsigned long long) expected, (unsigned long long) sent_win, (unsigned long long) send_failed,
           (unsigned long long) received, (unsigned long long) misrouted, (unsigned long long) unexpected,
           (unsigned long long) percentile(received, 50), (unsigned long long) percentile(received, 99),
           (unsigned long long) percentile(received, 99.9), (unsigned long long) max_latency_us,
           (win_end - win_start) / 1e9, self1 - self0, daemon0 < 0 || daemon1 < 0 ? -1.0 : daemon1 - daemon0,
           (unsigned long long) (max_lag / 1000), (unsigned long long) late_ticks);
    if (srtp_suite) {
        /* what shows the callee leg was SRTP: how many packets of that size unprotected (whole run) */
        printf(" srtp_suite=%s srtp_len=%d srtp_ok=%llu unprotect_errors=%llu", srtp_suite, PACKET + srtp_tag_len,
               (unsigned long long) srtp_ok, (unsigned long long) unprotect_errors);
    }
    printf("\n");
    return 0;
}
