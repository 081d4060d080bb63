/*
 * floor: the cheapest userspace relay, the reference the load tool measures a daemon against.
 * No call logic and no ng: 2N sockets bound to 127.0.0.1:BASE..BASE+2N-1, where call i's caller
 * sends to BASE+2i and its callee to BASE+2i+1; each datagram goes out of the other socket of the
 * pair to that side's last sender. Level-triggered epoll, one recvfrom and one sendto per packet,
 * as ngrelay and rtpengine do (edge-triggered epoll with recvmmsg measured dearer: docs/performance.md).
 *
 * Usage: floor BASE N     (the load tool's --floor BASE streams through it)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: floor BASE_PORT CALLS\n");
        return 2;
    }
    int base = atoi(argv[1]), n = atoi(argv[2]);
    struct rlimit fds;
    getrlimit(RLIMIT_NOFILE, &fds);
    if (fds.rlim_cur < (rlim_t) (2 * n + 64)) {
        fds.rlim_cur = fds.rlim_max;
        setrlimit(RLIMIT_NOFILE, &fds);
    }
    int *fd = calloc(2 * n, sizeof *fd);
    struct sockaddr_in *peer = calloc(2 * n, sizeof *peer);
    char *known = calloc(2 * n, 1);
    int ep = epoll_create1(0);
    if (fd == NULL || peer == NULL || known == NULL || ep < 0) {
        perror("floor");
        return 1;
    }
    for (int i = 0; i < 2 * n; i++) {
        fd[i] = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
        struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(base + i), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
        struct epoll_event e = {.events = EPOLLIN, .data.u32 = i};
        if (fd[i] < 0 || bind(fd[i], (struct sockaddr *) &a, sizeof a) < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, fd[i], &e) < 0) {
            perror("floor: socket");
            return 1;
        }
    }
    printf("floor: %d calls on 127.0.0.1:%d-%d\n", n, base, base + 2 * n - 1);
    fflush(stdout);
    static struct epoll_event ev[1024];
    static char buf[65536];
    for (;;) {
        int k = epoll_wait(ep, ev, 1024, 1000);
        for (int j = 0; j < k; j++) {
            int i = ev[j].data.u32;
            socklen_t len = sizeof peer[i];
            ssize_t r = recvfrom(fd[i], buf, sizeof buf, 0, (struct sockaddr *) &peer[i], &len);
            if (r < 0) {
                continue;
            }
            known[i] = 1;
            if (known[i ^ 1]) {
                sendto(fd[i ^ 1], buf, (size_t) r, 0, (struct sockaddr *) &peer[i ^ 1], sizeof peer[i ^ 1]);
            }
        }
    }
}
