/* TCP sockets for the tools: connect to host:port, listen on [host:]port and say which port was bound. */
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cli_common.h"

/*
 * Splits "host:port", "[v6]:port" or a bare "port" into host and port; an empty host means the default.
 * Returns 0 if the text does not fit the buffers or has no port.
 */
static int split_hostport(const char *in, char *host, size_t host_len, char *port, size_t port_len)
{
    const char *colon = strrchr(in, ':');
    const char *h = in;
    size_t hl = colon != NULL ? (size_t)(colon - in) : 0;
    const char *p = colon != NULL ? colon + 1 : in;

    if (hl >= 2 && h[0] == '[' && h[hl - 1] == ']') {
        h++;
        hl -= 2;
    }
    if (hl >= host_len || strlen(p) >= port_len || *p == '\0') {
        return 0;
    }
    memcpy(host, h, hl);
    host[hl] = '\0';
    strcpy(port, p);
    return 1;
}

static struct addrinfo *resolve(const char *hostport, const char *default_host, int passive)
{
    char host[256], port[32];
    struct addrinfo hints, *res = NULL;
    int rc;

    if (!split_hostport(hostport, host, sizeof host, port, sizeof port)) {
        fprintf(stderr, "bad address '%s' (want host:port)\n", hostport);
        return NULL;
    }
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = passive ? AI_PASSIVE : 0;
    rc = getaddrinfo(host[0] != '\0' ? host : default_host, port, &hints, &res);
    if (rc != 0) {
        fprintf(stderr, "%s: %s\n", hostport, gai_strerror(rc));
        return NULL;
    }
    return res;
}

int cli_net_connect(const char *hostport)
{
    struct addrinfo *res = resolve(hostport, "127.0.0.1", 0);
    int fd = -1;

    if (res == NULL) {
        return -1;
    }
    for (struct addrinfo *ai = res; ai != NULL && fd < 0; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd >= 0 && connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
            close(fd);
            fd = -1;
        }
    }
    if (fd < 0) {
        perror(hostport);
    }
    freeaddrinfo(res);
    return fd;
}

/* Prints the address actually bound, so that port 0 can be read back by whoever started us. */
static int announce(int fd)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    char host[128], port[32];

    if (getsockname(fd, (struct sockaddr *)&ss, &len) != 0
        || getnameinfo((struct sockaddr *)&ss, len, host, sizeof host, port, sizeof port,
                       NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
        perror("getsockname");
        return 0;
    }
    printf(strchr(host, ':') != NULL ? "ACCEPT [%s]:%s\n" : "ACCEPT %s:%s\n", host, port);
    fflush(stdout);
    return 1;
}

static int listen_on(const struct addrinfo *ai)
{
    int one = 1;
    int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);

    if (fd < 0) {
        return -1;
    }
    /* Lets a test restart a server on the port it just used without waiting out TIME_WAIT. */
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, 16) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int cli_net_listen(const char *hostport)
{
    /* Loopback unless told otherwise: a test tool should not listen on every interface by default. */
    struct addrinfo *res = resolve(hostport, "127.0.0.1", 1);
    int fd = -1;

    if (res == NULL) {
        return -1;
    }
    for (const struct addrinfo *ai = res; ai != NULL && fd < 0; ai = ai->ai_next) {
        fd = listen_on(ai);
    }
    if (fd < 0) {
        perror(hostport);
    }
    freeaddrinfo(res);
    if (fd >= 0 && !announce(fd)) {
        close(fd);
        fd = -1;
    }
    return fd;
}
