#!/usr/bin/env python3
"""Runs the legacy-style programs of compat-tests/programs in every pairing of builds, and ours against the
openssl and gnutls command-line peers.

Each program is built twice from one source: <name>-nettls (against nettls) and <name>-openssl (against the
system OpenSSL). For a client/server scenario the cells are server build x client build: ours-ours,
ours-system, system-ours and system-system (the control), then ours against s_server/s_client and
gnutls-serv/gnutls-cli. A cell checks the bytes exactly, that TLSv1 was negotiated (SSL_get_version as the
program prints it) and the scenario's point (resumed session, client subject, chosen SNI name, several
clients at once). It prints one row per cell; exit 1 if any cell failed, 0 otherwise. A missing peer
program or system build makes its cells "skip".

No fixed ports, no sleeps: our servers print "PORT <n>", s_server prints "ACCEPT 127.0.0.1:<n>", and
gnutls-serv (which says "port 0") is looked up in /proc once it says it listens. Every wait has a deadline.

The servers answer "GET <path>" with "path=<path>\\n", a scenario line or none, then the body file.
"""

import argparse
import os
import re
import selectors
import subprocess
import sys
import tempfile
import time

# The one place where the two builds differ. OpenSSL 3 refuses TLS 1.0 below security level 0 and would
# otherwise negotiate TLS 1.3 between two system builds; nettls speaks only TLS 1.0. So the system builds get
# a cipher string with @SECLEVEL=0 (-C) and "TLS 1.0 only" (-1); the programs stay as legacy code was.
BUILD_ARGS = {'nettls': [], 'openssl': ['-C', 'ALL:@SECLEVEL=0', '-1']}
BUILD_LABEL = {'nettls': 'ours', 'openssl': 'system'}
PAIRINGS = [('nettls', 'nettls'), ('nettls', 'openssl'), ('openssl', 'nettls'), ('openssl', 'openssl')]
OSSL_TLS1 = ['-tls1', '-cipher', 'ALL:@SECLEVEL=0']
GNUTLS_TLS1 = 'NORMAL:-VERS-ALL:+VERS-TLS1.0'
GNUTLS_CLI_TRAILER = b'- Peer has closed the GnuTLS connection\n'
DEADLINE = 30  # seconds per cell; the programs' own alarm() is 30 s too
CLIENT_SUBJECT = b'/C=US/O=nettls/CN=nettls client/emailAddress=client@example.com'
SERVER_SUBJECT = b'/C=US/ST=California/L=San Francisco/O=nettls/OU=Testing/CN=localhost'
VHOST_SUBJECT = b'/O=nettls/CN=rsa-1024'



class Fail(Exception):
    pass


class Skip(Exception):
    pass


class Proc:
    """A child with piped stdio whose output is collected by pump()."""

    def __init__(self, argv, cwd=None):
        self.argv = argv
        self.popen = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, cwd=cwd)
        self.out = bytearray()
        self.err = bytearray()
        self.streams = {self.popen.stdout.fileno(): self.out, self.popen.stderr.fileno(): self.err}
        self.closed = set()

    def eof(self):
        return len(self.closed) == len(self.streams)

    def send(self, data, close=False):
        try:
            self.popen.stdin.write(data)
            self.popen.stdin.flush()
            if close:
                self.popen.stdin.close()
        except BrokenPipeError:
            pass

    def stop(self):
        if self.popen.poll() is None:
            self.popen.kill()
        self.popen.wait()
        for f in (self.popen.stdin, self.popen.stdout, self.popen.stderr):
            try:
                f.close()
            except OSError:
                pass

    def describe(self):
        return '{} rc={}\n--- stdout:\n{}\n--- stderr:\n{}'.format(
            ' '.join(self.argv), self.popen.returncode, bytes(self.out[:800]).decode('ascii', 'replace'),
            bytes(self.err[:2000]).decode('ascii', 'replace'))


def pump(procs, cond, deadline, what):
    """Collects the procs' output until cond() holds; Fail at the deadline or if cond cannot hold any more."""
    sel = selectors.DefaultSelector()
    for p in procs:
        for fd in p.streams:
            if fd not in p.closed:
                sel.register(fd, selectors.EVENT_READ, p)
    try:
        while not cond():
            if not sel.get_map():
                raise Fail(f'gave up waiting for {what}: all output closed' + ''.join('\n' + p.describe()
                                                                                      for p in procs))
            left = deadline - time.monotonic()
            if left <= 0:
                raise Fail(f'timed out waiting for {what}' + ''.join('\n' + p.describe() for p in procs))
            for key, _ in sel.select(left):
                data = os.read(key.fd, 65536)
                if data:
                    key.data.streams[key.fd] += data
                else:
                    sel.unregister(key.fd)
                    key.data.closed.add(key.fd)
    finally:
        sel.close()


def finish(procs, deadline):
    """Waits for the procs to close their output and exit."""
    pump(procs, lambda: all(p.eof() for p in procs), deadline, 'the programs to exit')
    for p in procs:
        try:
            p.popen.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            raise Fail(f'{p.argv[0]} did not exit')


def listening_port(pid):
    """The IPv4 TCP port process `pid` listens on, from /proc (gnutls-serv does not print it)."""
    inodes = set()
    for fd in os.listdir(f'/proc/{pid}/fd'):
        try:
            target = os.readlink(f'/proc/{pid}/fd/{fd}')
        except OSError:
            continue
        if target.startswith('socket:['):
            inodes.add(target[len('socket:['):-1])
    with open('/proc/net/tcp') as f:
        for row in f.read().splitlines()[1:]:
            cols = row.split()
            if cols[3] == '0A' and cols[9] in inodes:  # 0A is TCP_LISTEN
                return int(cols[1].split(':')[1], 16)
    raise Fail(f'pid {pid} listens on no IPv4 port')


# ----------------------------------------------------------------------------------------------------------
# Starting programs and checking what they say


class Env:
    def __init__(self, args):
        self.args = args
        self.tmp = tempfile.TemporaryDirectory(prefix='nettls-programs-')
        self.body = os.urandom(50000)  # binary, several records, NUL bytes included
        self.body_path = os.path.join(self.tmp.name, 'body.bin')
        with open(self.body_path, 'wb') as f:
            f.write(self.body)
        self.ca = self.pem('ca-rsa')

    def pem(self, name):
        return os.path.abspath(os.path.join(self.args.certs, name + '.pem'))

    def key(self, name):
        return os.path.abspath(os.path.join(self.args.certs, name + '.key'))

    def prog(self, name, build):
        path = os.path.join(self.args.bindir, f'{name}-{build}')
        if not os.path.exists(path):
            raise Skip(f'skip (no {name}-{build})')
        return [path] + BUILD_ARGS[build]

    def peer(self, which):
        path = getattr(self.args, which.replace('-', '_'))
        if not path:
            raise Skip(f'skip (no {which})')
        return path


def lines(buf, key):
    return re.findall(rb'^' + re.escape(key) + rb' (.*)$', bytes(buf), re.M)


def need(cond, what, *procs):
    if not cond:
        raise Fail(what + ''.join('\n' + p.describe() for p in procs))


def start_ours(env, name, build, extra, deadline):
    srv = Proc(env.prog(name, build) + extra)
    pump([srv], lambda: re.search(rb'^PORT \d+\n', srv.out, re.M), deadline, f'{name} PORT line')
    return srv, int(re.search(rb'^PORT (\d+)\n', srv.out, re.M).group(1))


def start_s_server(env, extra, deadline):
    srv = Proc([env.peer('openssl'), 's_server', '-accept', '127.0.0.1:0', '-WWW'] + OSSL_TLS1 + extra,
               cwd=env.tmp.name)
    pump([srv], lambda: re.search(rb'^ACCEPT .*:\d+\n', srv.out, re.M), deadline, 's_server ACCEPT line')
    return srv, int(re.search(rb'^ACCEPT .*:(\d+)\n', srv.out, re.M).group(1))


def start_gnutls_serv(env, extra, deadline):
    srv = Proc([env.peer('gnutls-serv'), '-p', '0', '--priority', GNUTLS_TLS1] + extra)
    pump([srv], lambda: re.search(rb'IPv4 .*done', srv.out + srv.err), deadline, 'gnutls-serv listening')
    return srv, listening_port(srv.popen.pid)


def client_argv(env, name, build, port, path, extra=()):
    """Our client program: options, then host, port and path."""
    return env.prog(name, build) + list(extra) + ['-A', env.ca, '127.0.0.1', str(port), path]


def run_client(argv, deadline):
    cl = Proc(argv)
    finish([cl], deadline)
    return cl


def http_body(data, *procs):
    head, sep, body = bytes(data).partition(b'\r\n\r\n')
    need(sep and head.startswith(b'HTTP/1.0 200'), 'no HTTP 200 answer', *procs)
    return body


def check_our_client(cl, body, peer_subject=SERVER_SUBJECT):
    need(cl.popen.returncode == 0, 'client failed', cl)
    protocols = lines(cl.err, b'PROTOCOL')
    need(protocols and set(protocols) == {b'TLSv1'}, 'client did not report TLSv1', cl)
    need(set(lines(cl.err, b'VERIFY')) == {b'0'}, 'client could not verify the server', cl)
    if body is not None:
        need(bytes(cl.out) == body, 'client got other bytes', cl)
    if peer_subject is not None:
        need(set(lines(cl.err, b'PEER')) == {peer_subject}, 'client saw another server certificate', cl)


def check_our_server(srv, served, failed=0):
    need(srv.popen.returncode == 0, 'server failed', srv)
    need(lines(srv.out, b'PROTOCOL') == [b'TLSv1'] * served, f'server did not report TLSv1 {served} times',
         srv)
    need(re.search(rb'^SERVED %d FAILED %d' % (served, failed), srv.out, re.M), 'server served other counts',
         srv)


def gnutls_cli_data(out):
    """What gnutls-cli received: between its report and its closing line, both on stdout."""
    data = bytes(out).split(b'- Simple Client Mode:\n')[-1]
    data = data[1:] if data.startswith(b'\n') else data
    return data[:-len(GNUTLS_CLI_TRAILER)] if data.endswith(GNUTLS_CLI_TRAILER) else data


def peer_client(env, kind, port, request, extra, deadline, close_stdin=False):
    """Runs s_client or gnutls-cli with the request on stdin; returns (proc, the bytes received)."""
    if kind == 'openssl':
        cl = Proc([env.peer('openssl'), 's_client', '-connect', f'127.0.0.1:{port}', '-CAfile', env.ca,
                   '-quiet'] + OSSL_TLS1 + extra)
    else:
        cl = Proc([env.peer('gnutls-cli'), '--port', str(port), '--x509cafile', env.ca,
                   '--priority', GNUTLS_TLS1] + extra + ['127.0.0.1'])
    # stdin stays open until the server has answered and closed: a peer that sees EOF closes at once.
    cl.send(request, close_stdin)
    finish([cl], deadline)
    if kind == 'openssl':
        return cl, bytes(cl.out)
    need(b'(TLS1.0-X.509)' in cl.out, 'gnutls-cli did not report TLS1.0', cl)
    need(b'- Simple Client Mode:\n' in cl.out, 'gnutls-cli did not connect', cl)
    return cl, gnutls_cli_data(cl.out)


def get(path):
    return b'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' % path


def dl():
    return time.monotonic() + DEADLINE


# ----------------------------------------------------------------------------------------------------------
# Scenarios: each yields (cell name, function running the cell)


def server_args(env, extra=()):
    return ['-c', env.pem('server-rsa'), '-k', env.key('server-rsa'), '-f', env.body_path] + list(extra)


def scenario_https(env):
    """fork_server and https_client: two sequential GETs, one child per connection."""
    def pair(s, c):
        d = dl()
        srv, port = start_ours(env, 'fork_server', s, server_args(env, ['-n', '2']), d)
        try:
            for path in (b'/one', b'/two/x?y=1'):
                cl = run_client(client_argv(env, 'https_client', c, port, path.decode()), d)
                check_our_client(cl, b'path=' + path + b'\n' + env.body)
            finish([srv], d)
            check_our_server(srv, 2)
            need(lines(srv.out, b'REQUEST') == [b'/one', b'/two/x?y=1'], 'server saw other requests', srv)
        finally:
            srv.stop()

    def vs_s_server():
        d = dl()
        srv, port = start_s_server(env, ['-naccept', '1', '-cert', env.pem('server-rsa'),
                                         '-key', env.key('server-rsa')], d)
        try:
            cl = run_client(client_argv(env, 'https_client', 'nettls', port, '/body.bin'), d)
            check_our_client(cl, env.body)
            finish([srv], d)
        finally:
            srv.stop()

    def vs_gnutls_serv():
        d = dl()
        srv, port = start_gnutls_serv(env, ['--x509certfile', env.pem('server-rsa'),
                                            '--x509keyfile', env.key('server-rsa')], d)
        try:
            cl = run_client(client_argv(env, 'https_client', 'nettls', port, '/'), d)
            check_our_client(cl, None)
            # gnutls-serv's HTTP mode answers with a page about the connection, not a file.
            need(b'TLS1.0' in cl.out, "gnutls-serv's page does not say TLS1.0", cl)
        finally:
            srv.stop()

    def vs_peer_client(kind):
        d = dl()
        srv, port = start_ours(env, 'fork_server', 'nettls', server_args(env, ['-n', '1']), d)
        try:
            cl, data = peer_client(env, kind, port, get(b'/peer'), [], d)
            need(http_body(data, cl) == b'path=/peer\n' + env.body, f'{kind} client got other bytes', cl)
            finish([srv], d)
            check_our_server(srv, 1)
        finally:
            srv.stop()

    for s, c in PAIRINGS:
        yield f'{BUILD_LABEL[s]}-{BUILD_LABEL[c]}', lambda s=s, c=c: pair(s, c)
    yield 'ours-client vs s_server', vs_s_server
    yield 'ours-client vs gnutls-serv', vs_gnutls_serv
    yield 'ours-server vs s_client', lambda: vs_peer_client('openssl')
    yield 'ours-server vs gnutls-cli', lambda: vs_peer_client('gnutls')


POLL_CLIENTS = 4


def scenario_poll(env):
    """poll_server with several clients at once: every client finishes its handshake before any sends its
    request, so the server holds all of them open in its one loop."""
    def run(s, start_client, close_stdin):
        d = dl()
        srv, port = start_ours(env, 'poll_server', s, server_args(env, ['-n', str(POLL_CLIENTS)]), d)
        clients = []
        try:
            clients = [start_client(port, i) for i in range(POLL_CLIENTS)]
            pump([srv] + clients, lambda: len(lines(srv.out, b'PROTOCOL')) == POLL_CLIENTS, d,
                 'all handshakes')
            for i, cl in enumerate(clients):
                cl.send(get(b'/client%d' % i), close_stdin)
            finish(clients + [srv], d)
            check_our_server(srv, POLL_CLIENTS)
            need(re.search(rb'MAXOPEN %d ' % POLL_CLIENTS, srv.out), 'clients were not served at once', srv)
            # Shown, not required: how often the loop waited (its small send buffers make it wait to write).
            return clients, re.search(rb'WANT_READ \d+ WANT_WRITE \d+', srv.out).group(0).decode()
        finally:
            for p in clients + [srv]:
                p.stop()

    def pair(s, c):
        clients, waits = run(s, lambda port, i: Proc(client_argv(env, 'https_client', c, port, '/', ['-i'])),
                             True)
        for i, cl in enumerate(clients):
            check_our_client(cl, b'path=/client%d\n' % i + env.body)
        return waits

    def vs_peer_client(kind):
        if kind == 'openssl':
            argv = [env.peer('openssl'), 's_client', '-CAfile', env.ca, '-quiet'] + OSSL_TLS1 + ['-connect']
        else:
            argv = [env.peer('gnutls-cli'), '--x509cafile', env.ca, '--priority', GNUTLS_TLS1, '127.0.0.1',
                    '--port']
        clients, waits = run('nettls', lambda port, i: Proc(argv + [(f'127.0.0.1:{port}' if kind == 'openssl'
                                                                    else str(port))]), False)
        for i, cl in enumerate(clients):
            data = bytes(cl.out)
            if kind == 'gnutls':
                data = gnutls_cli_data(data)
            need(http_body(data, cl) == b'path=/client%d\n' % i + env.body, f'{kind} client got other bytes',
                 cl)
        return waits

    for s, c in PAIRINGS:
        yield f'{BUILD_LABEL[s]}-{BUILD_LABEL[c]}', lambda s=s, c=c: pair(s, c)
    yield 'ours-server vs s_client x4', lambda: vs_peer_client('openssl')
    yield 'ours-server vs gnutls-cli x4', lambda: vs_peer_client('gnutls')


def scenario_membio(env):
    """membio_pair: client and server in one process over memory BIOs (one build at a time)."""
    def one(build):
        cl = run_client(env.prog('membio_pair', build) + ['-c', env.pem('server-rsa'),
                                                          '-k', env.key('server-rsa'), '-A', env.ca,
                                                          '-b', '100000'], dl())
        need(cl.popen.returncode == 0, 'membio_pair failed', cl)
        need(bytes(cl.out).split(b'\n')[0] == b'PROTOCOL TLSv1', 'not TLSv1', cl)
        for want in (b'VERIFY 0', b'C2S 100000 ok', b'S2C 100000 ok', b'SHUTDOWN client=1 server=1'):
            need(want + b'\n' in cl.out, f'no "{want.decode()}"', cl)

    yield 'ours', lambda: one('nettls')
    yield 'system', lambda: one('openssl')


def scenario_resume(env):
    """resume_client against the one-process poll_server (a forking server has no shared session cache):
    the second connection must resume the first one's session, as both ends report."""
    def check_client(cl, body):
        check_our_client(cl, body, None)
        need(lines(cl.err, b'REUSED') == [b'0', b'1'], 'the client did not resume', cl)

    def pair(s, c):
        d = dl()
        srv, port = start_ours(env, 'poll_server', s, server_args(env, ['-n', '2']), d)
        try:
            cl = run_client(client_argv(env, 'resume_client', c, port, '/r'), d)
            check_client(cl, (b'path=/r\n' + env.body) * 2)
            finish([srv], d)
            check_our_server(srv, 2)
            need(lines(srv.out, b'REUSED') == [b'0', b'1'], 'the server did not resume', srv)
        finally:
            srv.stop()

    def vs_s_server():
        d = dl()
        srv, port = start_s_server(env, ['-naccept', '2', '-no_ticket', '-cert', env.pem('server-rsa'),
                                         '-key', env.key('server-rsa')], d)
        try:
            cl = run_client(client_argv(env, 'resume_client', 'nettls', port, '/body.bin'), d)
            check_client(cl, env.body * 2)
            finish([srv], d)
        finally:
            srv.stop()

    def vs_gnutls_serv():
        d = dl()
        srv, port = start_gnutls_serv(env, ['--noticket', '--x509certfile', env.pem('server-rsa'),
                                            '--x509keyfile', env.key('server-rsa')], d)
        try:
            cl = run_client(client_argv(env, 'resume_client', 'nettls', port, '/'), d)
            check_client(cl, None)
        finally:
            srv.stop()

    def vs_s_client():
        d = dl()
        srv, port = start_ours(env, 'poll_server', 'nettls', server_args(env, ['-n', '2']), d)
        sess = os.path.join(env.tmp.name, 'sess.pem')
        try:
            for i, flags in enumerate((['-sess_out', sess], ['-sess_in', sess])):
                cl, data = peer_client(env, 'openssl', port, get(b'/s%d' % i), flags, d)
                need(http_body(data, cl) == b'path=/s%d\n' % i + env.body, 's_client got other bytes', cl)
            finish([srv], d)
            check_our_server(srv, 2)
            need(lines(srv.out, b'REUSED') == [b'0', b'1'], 'the server did not resume', srv)
        finally:
            srv.stop()

    def vs_gnutls_cli():
        d = dl()
        srv, port = start_ours(env, 'poll_server', 'nettls', server_args(env, ['-n', '2']), d)
        try:
            # --resume: one handshake, close, a resumed handshake, then the request on the second connection.
            cl, data = peer_client(env, 'gnutls', port, get(b'/g'), ['--resume'], d)
            need(b'This is a resumed session' in cl.out, 'gnutls-cli did not resume', cl)
            need(http_body(data, cl) == b'path=/g\n' + env.body,
                 'gnutls-cli got other bytes', cl)
            finish([srv], d)
            check_our_server(srv, 2)
            need(lines(srv.out, b'REUSED') == [b'0', b'1'], 'the server did not resume', srv)
        finally:
            srv.stop()

    for s, c in PAIRINGS:
        yield f'{BUILD_LABEL[s]}-{BUILD_LABEL[c]}', lambda s=s, c=c: pair(s, c)
    yield 'ours-client vs s_server', vs_s_server
    yield 'ours-client vs gnutls-serv', vs_gnutls_serv
    yield 'ours-server vs s_client', vs_s_client
    yield 'ours-server vs gnutls-cli', vs_gnutls_cli


def scenario_clientcert(env):
    """clientcert_server: a client with client-rsa.pem is admitted and named; one without is refused."""
    client_id = lambda: ['-c', env.pem('client-rsa'), '-k', env.key('client-rsa')]

    def pair(s, c):
        d = dl()
        srv, port = start_ours(env, 'clientcert_server', s, server_args(env, ['-A', env.ca, '-n', '2']), d)
        try:
            cl = run_client(client_argv(env, 'https_client', c, port, '/c', client_id()), d)
            check_our_client(cl, b'path=/c\nclient=' + CLIENT_SUBJECT + b'\n' + env.body)
            anon = run_client(client_argv(env, 'https_client', c, port, '/anon'), d)
            need(anon.popen.returncode != 0 and b'HANDSHAKE failed' in anon.err,
                 'a client without a certificate got in', anon)
            finish([srv], d)
            check_our_server(srv, 1, 1)
            need(lines(srv.out, b'CLIENT') == [CLIENT_SUBJECT], 'the server named another client', srv)
            need(lines(srv.out, b'HANDSHAKE') == [b'failed'], 'the server let the anonymous client in', srv)
        finally:
            srv.stop()

    def vs_s_server():
        d = dl()
        srv, port = start_s_server(env, ['-naccept', '1', '-Verify', '1', '-CAfile', env.ca,
                                         '-cert', env.pem('server-rsa'), '-key', env.key('server-rsa')], d)
        try:
            cl = run_client(client_argv(env, 'https_client', 'nettls', port, '/body.bin', client_id()), d)
            check_our_client(cl, env.body)
            finish([srv], d)
            need(b'CN = nettls client' in srv.out + srv.err, "s_server did not see our client's certificate",
                 srv)
        finally:
            srv.stop()

    def vs_gnutls_serv():
        d = dl()
        srv, port = start_gnutls_serv(env, ['--require-client-cert', '--verify-client-cert',
                                            '--x509cafile', env.ca,
                                            '--x509certfile', env.pem('server-rsa'),
                                            '--x509keyfile', env.key('server-rsa')], d)
        try:
            cl = run_client(client_argv(env, 'https_client', 'nettls', port, '/', client_id()), d)
            check_our_client(cl, None)
            need(b'nettls client' in cl.out, "gnutls-serv's page does not name our client", cl)
        finally:
            srv.stop()

    def vs_peer_client(kind):
        d = dl()
        srv, port = start_ours(env, 'clientcert_server', 'nettls',
                               server_args(env, ['-A', env.ca, '-n', '1']), d)
        flags = (['-cert', env.pem('client-rsa'), '-key', env.key('client-rsa')] if kind == 'openssl'
                 else ['--x509certfile', env.pem('client-rsa'), '--x509keyfile', env.key('client-rsa')])
        try:
            cl, data = peer_client(env, kind, port, get(b'/p'), flags, d)
            need(http_body(data, cl) == b'path=/p\nclient=' + CLIENT_SUBJECT + b'\n' + env.body,
                 f'{kind} client got other bytes', cl)
            finish([srv], d)
            check_our_server(srv, 1)
        finally:
            srv.stop()

    for s, c in PAIRINGS:
        yield f'{BUILD_LABEL[s]}-{BUILD_LABEL[c]}', lambda s=s, c=c: pair(s, c)
    yield 'ours-client vs s_server', vs_s_server
    yield 'ours-client vs gnutls-serv', vs_gnutls_serv
    yield 'ours-server vs s_client', lambda: vs_peer_client('openssl')
    yield 'ours-server vs gnutls-cli', lambda: vs_peer_client('gnutls')


def scenario_sni(env):
    """sni_server with a default host (server-rsa, CN=localhost) and the virtual host "rsa-1024": each name
    gets its own certificate; no name or an unknown one gets the default."""
    cases = [('rsa-1024', b'rsa-1024', VHOST_SUBJECT), ('other.example', b'default', SERVER_SUBJECT),
             ('localhost', b'default', SERVER_SUBJECT), (None, b'default', SERVER_SUBJECT)]

    def vhost_args(n):
        return server_args(env, ['-v', f"rsa-1024:{env.pem('rsa-1024')}:{env.key('rsa-1024')}", '-n', str(n)])

    def pair(s, c):
        d = dl()
        srv, port = start_ours(env, 'sni_server', s, vhost_args(len(cases)), d)
        try:
            for name, vhost, subject in cases:
                sni = ['-s', name] if name else []
                cl = run_client(client_argv(env, 'https_client', c, port, '/v', sni), d)
                check_our_client(cl, b'path=/v\nvhost=' + vhost + b'\n' + env.body, subject)
            finish([srv], d)
            check_our_server(srv, len(cases))
            need(lines(srv.out, b'VHOST') == [c[1] for c in cases], 'the server chose other hosts', srv)
            names = lines(srv.out, b'SNI')
            # OpenSSL calls the servername callback for a ClientHello without server_name too.
            need(names == [b'rsa-1024', b'other.example', b'localhost', b'(none)'],
                 'the server saw other names', srv)
        finally:
            srv.stop()

    def vs_s_server():
        d = dl()
        srv, port = start_s_server(env, ['-naccept', '1', '-cert', env.pem('server-rsa'),
                                         '-key', env.key('server-rsa'),
                                         '-servername', 'rsa-1024', '-cert2', env.pem('rsa-1024'),
                                         '-key2', env.key('rsa-1024')], d)
        try:
            cl = run_client(env.prog('https_client', 'nettls') + ['-s', 'rsa-1024', '-A', env.ca, '127.0.0.1',
                                                                  str(port), '/body.bin'], d)
            check_our_client(cl, env.body, VHOST_SUBJECT)
            finish([srv], d)
        finally:
            srv.stop()

    def vs_peer_client(kind):
        d = dl()
        srv, port = start_ours(env, 'sni_server', 'nettls', vhost_args(1), d)
        # The vhost certificate names rsa-1024, not the address we connect to: check the name there.
        flags = (['-servername', 'rsa-1024'] if kind == 'openssl'
                 else ['--sni-hostname', 'rsa-1024', '--verify-hostname', 'rsa-1024'])
        try:
            cl, data = peer_client(env, kind, port, get(b'/p'), flags, d)
            need(http_body(data, cl) == b'path=/p\nvhost=rsa-1024\n' + env.body,
                 f'{kind} client got other bytes', cl)
            finish([srv], d)
            check_our_server(srv, 1)
            need(lines(srv.out, b'SNI') == [b'rsa-1024'], 'the server saw another name', srv)
        finally:
            srv.stop()

    for s, c in PAIRINGS:
        yield f'{BUILD_LABEL[s]}-{BUILD_LABEL[c]}', lambda s=s, c=c: pair(s, c)
    yield 'ours-client vs s_server', vs_s_server
    yield 'ours-server vs s_client', lambda: vs_peer_client('openssl')
    yield 'ours-server vs gnutls-cli', lambda: vs_peer_client('gnutls')


SCENARIOS = {'https': scenario_https, 'poll': scenario_poll, 'membio': scenario_membio,
             'resume': scenario_resume, 'clientcert': scenario_clientcert, 'sni': scenario_sni}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--scenario', choices=sorted(SCENARIOS), action='append', required=True)
    ap.add_argument('--bindir', required=True, help='where <program>-nettls and <program>-openssl are')
    ap.add_argument('--certs', required=True, help='lib/x509/tests/data')
    ap.add_argument('--openssl', default='', help='the openssl command (s_server, s_client)')
    ap.add_argument('--gnutls-serv', default='', help='gnutls-serv')
    ap.add_argument('--gnutls-cli', default='', help='gnutls-cli')
    ap.add_argument('--cell', default='', help='run only the cells whose name contains this')
    args = ap.parse_args()
    env = Env(args)
    failed = 0
    for scenario in args.scenario:
        for name, cell in SCENARIOS[scenario](env):
            if args.cell not in name:
                continue
            try:
                note = cell()
                result = 'ok' + (f', {note}' if note else '')
            except Skip as e:
                result = str(e)
            except Fail as e:
                failed += 1
                result = 'FAIL: ' + str(e)
            print(f'{scenario:10} {name:30} {result}', flush=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
