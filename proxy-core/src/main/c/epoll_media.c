/*
 * The native half of EpollMediaLoop: epoll and UDP system calls for one media thread, with no
 * call logic (that stays in Java, in PacketStream).
 *
 * Why it exists: measured on this project's machines, the JDK's selector and DatagramChannel
 * layers cost about 1.1 us of user time per relayed packet (locks, state checks, the selector's
 * key bookkeeping, address encoding, three JNI transitions), against 0.2 us for the same
 * epoll + recvfrom + sendto in C (docs/performance.md). Here one JNI call waits and then reads
 * every ready socket into a batch buffer the Java side owns, so the JNI crossing and the clock
 * read are paid per wake-up, not per packet, and nothing is allocated.
 *
 * Batch record layout (native byte order), each record 8-byte aligned:
 *   0  u64 token (the socket's epoll data: generation << 32 | fd)
 *   8  s32 payload length
 *  12  u16 address family (AF_INET / AF_INET6)
 *  14  u16 source port
 *  16  16 bytes source address (IPv4 in the first 4, network order)
 *  32  u32 IPv6 scope id
 *  36  u32 padding
 *  40  payload
 */
#define _GNU_SOURCE
#include <jni.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#define HEADER 40
#define MAX_DATAGRAM 65536
#define MAX_EVENTS 256
#define WAKE_TOKEN UINT64_MAX

struct loop {
    int epfd;
    int evfd;
    unsigned char *batch;
    long capacity;
    struct epoll_event events[MAX_EVENTS];
};

static jlong fail(void) {
    return -(jlong) errno;
}

JNIEXPORT jlong JNICALL Java_org_ngrelay_core_net_EpollNative_create(JNIEnv *env, jclass cls, jobject batch) {
    (void) cls;
    struct loop *l = calloc(1, sizeof *l);
    if (l == NULL) {
        return -ENOMEM;
    }
    l->batch = (*env)->GetDirectBufferAddress(env, batch);
    l->capacity = (*env)->GetDirectBufferCapacity(env, batch);
    if (l->batch == NULL || l->capacity < HEADER + MAX_DATAGRAM) {
        free(l);
        return -EINVAL;
    }
    l->epfd = epoll_create1(EPOLL_CLOEXEC);
    if (l->epfd < 0) {
        jlong e = fail();
        free(l);
        return e;
    }
    l->evfd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = WAKE_TOKEN};
    if (l->evfd < 0 || epoll_ctl(l->epfd, EPOLL_CTL_ADD, l->evfd, &ev) < 0) {
        jlong e = fail();
        if (l->evfd >= 0) {
            close(l->evfd);
        }
        close(l->epfd);
        free(l);
        return e;
    }
    return (jlong) (intptr_t) l;
}

JNIEXPORT void JNICALL Java_org_ngrelay_core_net_EpollNative_destroy(JNIEnv *env, jclass cls, jlong handle) {
    (void) env; (void) cls;
    struct loop *l = (struct loop *) (intptr_t) handle;
    close(l->evfd);
    close(l->epfd);
    free(l);
}

JNIEXPORT void JNICALL Java_org_ngrelay_core_net_EpollNative_wakeup(JNIEnv *env, jclass cls, jlong handle) {
    (void) env; (void) cls;
    struct loop *l = (struct loop *) (intptr_t) handle;
    uint64_t one = 1;
    /* EAGAIN means the counter is already non-zero: the loop is woken either way */
    ssize_t ignored = write(l->evfd, &one, sizeof one);
    (void) ignored;
}

/*
 * Waits up to timeout_ms for ready sockets and reads one datagram from each into the batch.
 * Returns the number of records, or -errno. Sockets are level-triggered: one read per socket per
 * wake-up never costs a read that finds nothing, and a socket with more queued (or one skipped
 * because the batch was full) is simply reported again by the next epoll_wait.
 */
JNIEXPORT jint JNICALL Java_org_ngrelay_core_net_EpollNative_poll(JNIEnv *env, jclass cls, jlong handle, jint timeout_ms) {
    (void) env; (void) cls;
    struct loop *l = (struct loop *) (intptr_t) handle;
    int n = epoll_wait(l->epfd, l->events, MAX_EVENTS, timeout_ms);
    if (n < 0) {
        return errno == EINTR ? 0 : -errno;
    }
    long off = 0;
    int records = 0;
    for (int i = 0; i < n; i++) {
        uint64_t token = l->events[i].data.u64;
        if (token == WAKE_TOKEN) {
            uint64_t value;
            ssize_t ignored = read(l->evfd, &value, sizeof value);
            (void) ignored;
            continue;
        }
        if (l->capacity - off < HEADER + MAX_DATAGRAM) {
            continue; /* full: reported again next time */
        }
        unsigned char *rec = l->batch + off;
        struct sockaddr_storage from;
        socklen_t from_len = sizeof from;
        ssize_t r = recvfrom((int) (uint32_t) token, rec + HEADER, MAX_DATAGRAM, 0, (struct sockaddr *) &from, &from_len);
        if (r < 0) {
            continue; /* EAGAIN, or a pending socket error consumed by this read */
        }
        int32_t len = (int32_t) r;
        uint16_t family = from.ss_family;
        uint16_t port = 0;
        uint32_t scope = 0;
        memset(rec + 16, 0, 16);
        if (family == AF_INET) {
            struct sockaddr_in *a = (struct sockaddr_in *) &from;
            port = ntohs(a->sin_port);
            memcpy(rec + 16, &a->sin_addr, 4);
        } else if (family == AF_INET6) {
            struct sockaddr_in6 *a = (struct sockaddr_in6 *) &from;
            port = ntohs(a->sin6_port);
            memcpy(rec + 16, &a->sin6_addr, 16);
            scope = a->sin6_scope_id;
        } else {
            continue;
        }
        memcpy(rec, &token, 8);
        memcpy(rec + 8, &len, 4);
        memcpy(rec + 12, &family, 2);
        memcpy(rec + 14, &port, 2);
        memcpy(rec + 32, &scope, 4);
        off += HEADER + ((r + 7) & ~7L);
        records++;
    }
    return records;
}

static void put_address(struct sockaddr_storage *ss, socklen_t *len, jboolean ipv6, jlong hi, jlong lo, jint port, jint scope) {
    memset(ss, 0, sizeof *ss);
    if (ipv6) {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *) ss;
        a->sin6_family = AF_INET6;
        a->sin6_port = htons((uint16_t) port);
        for (int i = 0; i < 8; i++) {
            a->sin6_addr.s6_addr[i] = (unsigned char) ((uint64_t) hi >> (56 - 8 * i));
            a->sin6_addr.s6_addr[8 + i] = (unsigned char) ((uint64_t) lo >> (56 - 8 * i));
        }
        a->sin6_scope_id = (uint32_t) scope;
        *len = sizeof *a;
    } else {
        struct sockaddr_in *a = (struct sockaddr_in *) ss;
        a->sin_family = AF_INET;
        a->sin_port = htons((uint16_t) port);
        a->sin_addr.s_addr = htonl((uint32_t) lo);
        *len = sizeof *a;
    }
}

/* A non-blocking UDP socket; IPv6 ones are dual-stack, as the JDK's are. Returns the fd or -errno. */
JNIEXPORT jint JNICALL Java_org_ngrelay_core_net_EpollNative_open(JNIEnv *env, jclass cls, jboolean ipv6, jint tos) {
    (void) env; (void) cls;
    int fd = socket(ipv6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -errno;
    }
    int zero = 0;
    if (ipv6 && setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero) < 0) {
        int e = errno;
        close(fd);
        return -e;
    }
    if (tos > 0 && (ipv6 ? setsockopt(fd, IPPROTO_IPV6, IPV6_TCLASS, &tos, sizeof tos)
                         : setsockopt(fd, IPPROTO_IP, IP_TOS, &tos, sizeof tos)) < 0) {
        int e = errno;
        close(fd);
        return -e;
    }
    return fd;
}

/* Binds fd and returns the bound port, or -errno. */
JNIEXPORT jint JNICALL Java_org_ngrelay_core_net_EpollNative_bind(JNIEnv *env, jclass cls, jint fd, jboolean ipv6,
        jlong hi, jlong lo, jint port, jint scope) {
    (void) env; (void) cls;
    struct sockaddr_storage ss;
    socklen_t len;
    put_address(&ss, &len, ipv6, hi, lo, port, scope);
    if (bind(fd, (struct sockaddr *) &ss, len) < 0) {
        return -errno;
    }
    len = sizeof ss;
    if (getsockname(fd, (struct sockaddr *) &ss, &len) < 0) {
        return -errno;
    }
    return ss.ss_family == AF_INET6 ? ntohs(((struct sockaddr_in6 *) &ss)->sin6_port)
                                    : ntohs(((struct sockaddr_in *) &ss)->sin_port);
}

JNIEXPORT jint JNICALL Java_org_ngrelay_core_net_EpollNative_register(JNIEnv *env, jclass cls, jlong handle, jint fd, jlong token) {
    (void) env; (void) cls;
    struct loop *l = (struct loop *) (intptr_t) handle;
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = (uint64_t) token};
    return epoll_ctl(l->epfd, EPOLL_CTL_ADD, fd, &ev) < 0 ? -errno : 0;
}

/* Closing removes the fd from the epoll set at once, so its port is free when this returns. */
JNIEXPORT jint JNICALL Java_org_ngrelay_core_net_EpollNative_close(JNIEnv *env, jclass cls, jint fd) {
    (void) env; (void) cls;
    return close(fd) < 0 ? -errno : 0;
}

JNIEXPORT jlong JNICALL Java_org_ngrelay_core_net_EpollNative_address(JNIEnv *env, jclass cls, jobject buffer) {
    (void) cls;
    return (jlong) (intptr_t) (*env)->GetDirectBufferAddress(env, buffer);
}

/*
 * Sends len bytes at address + pos (a direct buffer's memory, its address taken once with
 * address(): GetDirectBufferAddress per packet costs a type check and a field read through JNI).
 * Returns the bytes sent or -errno.
 */
JNIEXPORT jint JNICALL Java_org_ngrelay_core_net_EpollNative_send(JNIEnv *env, jclass cls, jint fd, jlong address,
        jint pos, jint len, jboolean ipv6, jlong hi, jlong lo, jint port, jint scope) {
    (void) env; (void) cls;
    unsigned char *data = (unsigned char *) (intptr_t) address;
    struct sockaddr_storage ss;
    socklen_t ss_len;
    put_address(&ss, &ss_len, ipv6, hi, lo, port, scope);
    ssize_t r = sendto(fd, data + pos, (size_t) len, 0, (struct sockaddr *) &ss, ss_len);
    return r < 0 ? -errno : (jint) r;
}

JNIEXPORT jstring JNICALL Java_org_ngrelay_core_net_EpollNative_strerror(JNIEnv *env, jclass cls, jint err) {
    (void) cls;
    char buf[128];
    const char *s = strerror_r(err, buf, sizeof buf);
    return (*env)->NewStringUTF(env, s);
}
