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
 *               [--duration-ms N] [--grace-ms N] [--tick-us N] [--pid DAEMON_PID]
 * FILE has one call per line: "A_TARGET_IP A_TARGET_PORT B_TARGET_IP B_TARGET_PORT", where the
 * caller (A) sends to the first and the callee (B) to the second. Call i's caller uses local
 * port P + i % K, its callee P + K + i % K.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
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

struct batch {
    int n;
    struct mmsghdr msg[BATCH];
    struct iovec iov[BATCH];
    unsigned char buf[BATCH][PACKET];
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

static void load_targets(const char *file) {
    FILE *f = fopen(file, "r");
    if (!f) { perror(file); exit(1); }
    long cap = 1024, calls = 0;
    char aip[64], bip[64];
    int ap, bp;
    target = malloc(sizeof *target * 2 * cap);
    target_len = malloc(sizeof *target_len * 2 * cap);
    while (fscanf(f, "%63s %d %63s %d", aip, &ap, bip, &bp) == 4) {
        if (calls == cap) {
            cap *= 2;
            target = realloc(target, sizeof *target * 2 * cap);
            target_len = realloc(target_len, sizeof *target_len * 2 * cap);
        }
        target_len[2 * calls] = parse_addr(aip, ap, &target[2 * calls]);
        target_len[2 * calls + 1] = parse_addr(bip, bp, &target[2 * calls + 1]);
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
            if (msg[i].msg_len != PACKET) { unexpected++; continue; }
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
        else { fprintf(stderr, "rtpgen: unknown option %s\n", k); return 1; }
    }
    if (!targets || port <= 0 || nsock < 1 || nsock > MAX_SOCKETS || rate < 1 || tick_us < 50) {
        fprintf(stderr, "usage: rtpgen --targets FILE --local IP --port P [--sockets K<=%d] [--rate PPS] "
                        "[--warmup-ms N] [--duration-ms N] [--grace-ms N] [--tick-us N] [--pid PID]\n", MAX_SOCKETS);
        return 1;
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
           "max_lag_us=%llu late_ticks=%llu\n",
           streams / 2, (unsigned long long) expected, (unsigned long long) sent_win, (unsigned long long) send_failed,
           (unsigned long long) received, (unsigned long long) misrouted, (unsigned long long) unexpected,
           (unsigned long long) percentile(received, 50), (unsigned long long) percentile(received, 99),
           (unsigned long long) percentile(received, 99.9), (unsigned long long) max_latency_us,
           (win_end - win_start) / 1e9, self1 - self0, daemon0 < 0 || daemon1 < 0 ? -1.0 : daemon1 - daemon0,
           (unsigned long long) (max_lag / 1000), (unsigned long long) late_ticks);
    return 0;
}
