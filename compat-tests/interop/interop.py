#!/usr/bin/env python3
"""Interop matrix: our client and server (nettls-client/-server, or the ossl-* builds of the same sources)
against OpenSSL's s_server/s_client and GnuTLS's gnutls-serv/gnutls-cli.

A cell is peer x peer role x suite x feature. A suite row also fixes the server's certificate kind (RSA,
DSA, ECDSA on P-256 or P-384) and, for ECDHE, the group; the peers' reports must name the key exchange and
the group. For each cell the driver starts the server, runs the client with a few KB of random bytes, and
checks that the bytes cross byte-exact in both directions, that the peer reports TLS 1.0 and the suite, that
the feature happened (resumption, ...), and that our SSLKEYLOGFILE agrees with the peer's key log. It prints one table row per cell and exits 1 if any cell failed, 77 (Meson's skip) if a peer
program is missing, 0 otherwise.

No fixed ports and no sleeps: our server prints "ACCEPT 127.0.0.1:<port>" after binding port 0; s_server
(which prints nothing under -brief) and gnutls-serv (which binds port 0 but says "port 0") get port 0 too, and
the driver reads the port they listen on from /proc. Every wait ends at the cell's deadline.

How the bytes travel:
  s_server -brief: our client sends P and s_server's stdout must be exactly P; then the driver writes Q to
    s_server's stdin and our client must print exactly Q. (-brief also disables s_server's command letters.)
  gnutls-serv --echo: our client sends P and must print P back. The echo handles C strings, so P has no NUL
    byte and ends in a newline there.
  our server echoes: the peer client sends P and must print P back.
Then the client's stdin is closed; the client sends close_notify and the server answers it.
"""

import argparse
import dataclasses
import os
import re
import selectors
import shutil
import subprocess
import sys
import tempfile
import time

PAYLOAD_LEN = 4096
SKIP = 77


@dataclasses.dataclass(frozen=True)
class Suite:
    ossl: str    # OpenSSL name: -cipher, s_client's "Cipher    :", s_server's "Ciphersuite:"
    gnutls: str  # GnuTLS cipher: priority strings, "- Description: (TLS1.0-X.509)-(<kx>...)-(<this>)-(SHA1)"
    kx: str = 'RSA'            # GnuTLS key exchange: RSA, DHE-RSA, DHE-DSS, ECDHE-RSA, ECDHE-ECDSA
    cert: str = 'server-rsa'   # the server's certificate and key: <cert>.pem, <cert>.key in --certs
    group: str = ''            # ECDHE: the one group both sides allow (OpenSSL name)

    @property
    def groups(self):
        """The groups both sides are given: the ECDHE group first, then an ECDSA certificate's own curve,
        which the client must list too (RFC 8422 5.1: the extension also covers the certificate's curve)."""
        curve = {'ec-p256': 'P-256', 'ec-p384': 'P-384'}.get(self.cert)
        return [self.group] + ([curve] if curve and curve != self.group else []) if self.group else []

    @property
    def label(self):
        """The matrix's name for the row: the suite, and the certificate kind and group when they vary."""
        extra = [x for x in (self.group, CERT_KINDS.get(self.cert, '')) if x]
        return '/'.join([self.ossl] + extra)


# Certificate kinds beyond RSA, as the matrix names them: DSA-2048 and ECDSA on P-256 and P-384 (self-signed).
CERT_KINDS = {'dsa-2048': 'dsa', 'ec-p256': 'ecdsa-p256', 'ec-p384': 'ecdsa-p384'}
GNUTLS_GROUPS = {'P-256': 'GROUP-SECP256R1', 'P-384': 'GROUP-SECP384R1', 'X25519': 'GROUP-X25519'}

SUITES = [
    # RSA key exchange with HMAC-SHA1: RFC 2246, RFC 3268 (AES) and RFC 4132 (Camellia).
    Suite('AES128-SHA', 'AES-128-CBC'),
    Suite('AES256-SHA', 'AES-256-CBC'),
    Suite('CAMELLIA128-SHA', 'CAMELLIA-128-CBC'),
    Suite('CAMELLIA256-SHA', 'CAMELLIA-256-CBC'),
    Suite('DES-CBC3-SHA', '3DES-CBC'),
    Suite('RC4-SHA', 'ARCFOUR-128'),
    Suite('NULL-SHA', 'NULL'),
    # Forward-secret and DSS key exchange (RFC 2246 7.4.3, RFC 4492): DH over RFC 7919 ffdhe2048 (our server's
    # built-in group, or dh-ffdhe2048.pem for DSS; gnutls-serv is given the file); each ECDHE group alone.
    # DHE-DSS-DES-CBC3-SHA is EDH-DSS-DES-CBC3-SHA under OpenSSL 1.1.0's name.
    Suite('DHE-RSA-AES128-SHA', 'AES-128-CBC', 'DHE-RSA'),
    Suite('DHE-RSA-AES256-SHA', 'AES-256-CBC', 'DHE-RSA'),
    Suite('DHE-DSS-AES128-SHA', 'AES-128-CBC', 'DHE-DSS', 'dsa-2048'),
    Suite('DHE-DSS-DES-CBC3-SHA', '3DES-CBC', 'DHE-DSS', 'dsa-2048'),
    Suite('ECDHE-RSA-AES128-SHA', 'AES-128-CBC', 'ECDHE-RSA', group='P-256'),
    Suite('ECDHE-RSA-AES128-SHA', 'AES-128-CBC', 'ECDHE-RSA', group='P-384'),
    Suite('ECDHE-RSA-AES128-SHA', 'AES-128-CBC', 'ECDHE-RSA', group='X25519'),
    Suite('ECDHE-ECDSA-AES128-SHA', 'AES-128-CBC', 'ECDHE-ECDSA', 'ec-p256', 'P-256'),
    Suite('ECDHE-ECDSA-AES128-SHA', 'AES-128-CBC', 'ECDHE-ECDSA', 'ec-p256', 'X25519'),
    Suite('ECDHE-ECDSA-AES128-SHA', 'AES-128-CBC', 'ECDHE-ECDSA', 'ec-p384', 'P-384'),
]

# full: one handshake. resumed: a second connection resumes the first session by its id (the peer has
# tickets off). peer-tls12: the peer also enables TLS 1.1 and 1.2 (OpenSSL 1.3 too) and must still agree on
# TLS 1.0 with us.
FEATURES = ['full', 'resumed', 'peer-tls12']
# Run only when asked for (--feature; CI asks for all): client-cert* (the server requires a certificate and
# the client sends client-rsa.pem, dsa-2048.pem or ec-p256.pem) and sni (the client sends server_name
# "localhost" and the server must see it).
OPTIONAL_FEATURES = ['client-cert', 'client-cert-dsa', 'client-cert-ecdsa', 'sni']
# The client certificate of each client-cert feature, the file the server trusts for it, and its subject.
CLIENT_CERTS = {
    'client-cert': ('client-rsa', 'ca-rsa.pem',
                    b'/C=US/O=nettls/CN=nettls client/emailAddress=client@example.com'),
    'client-cert-dsa': ('dsa-2048', 'dsa-2048.pem', b'/O=nettls/CN=localhost'),
    'client-cert-ecdsa': ('ec-p256', 'ec-p256.pem', b'/O=nettls/CN=localhost'),
}

PEERS = ['openssl', 'gnutls']
ROLES = ['server', 'client']  # the peer's role; we take the other one

# Where each client's connection report ends and the data it received begins.
OUR_REPORT = rb'SSL-Session:\n(?:    .*\n)*---\n'
OPENSSL_REPORT = rb'SSL-Session:\n(?:(?:    .*)?\n)*---\n'  # a session ticket dump ends in a blank line
GNUTLS_CLI_REPORT = rb'- Simple Client Mode:\n\n'
GNUTLS_CLI_TRAILER = b'- Peer has closed the GnuTLS connection\n'


class CellFailed(Exception):
    pass


class CellNotApplicable(Exception):
    pass


# ----------------------------------------------------------------------------------------------------------
# Processes


class Proc:
    """A child with piped stdin, stdout and stderr; Cell.pump() collects its output."""

    def __init__(self, name, argv, env):
        self.name = name
        self.argv = argv
        self.popen = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, env=env)
        self.out = bytearray()
        self.err = bytearray()
        self.open_streams = 2

    def send(self, data):
        """Writes to stdin; False if the process has already gone."""
        try:
            self.popen.stdin.write(data)
            self.popen.stdin.flush()
            return True
        except BrokenPipeError:
            return False

    def close_stdin(self):
        try:
            self.popen.stdin.close()
        except BrokenPipeError:
            pass

    def rc(self):
        return self.popen.poll()

    def done(self):
        """Exited, and everything it wrote has been read."""
        return self.open_streams == 0 and self.popen.poll() is not None

    def stop(self):
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()
        for f in (self.popen.stdin, self.popen.stdout, self.popen.stderr):
            try:
                f.close()
            except OSError:
                pass


def listening_port(pid):
    """The IPv4 TCP port process `pid` listens on, or None, from /proc."""
    inodes = set()
    try:
        for fd in os.listdir(f'/proc/{pid}/fd'):
            try:
                target = os.readlink(f'/proc/{pid}/fd/{fd}')
            except OSError:
                continue
            if target.startswith('socket:['):
                inodes.add(target[len('socket:['):-1])
        with open('/proc/net/tcp') as f:
            rows = f.read().splitlines()[1:]
    except OSError:
        return None
    for row in rows:
        cols = row.split()
        if cols[3] == '0A' and cols[9] in inodes:  # 0A is TCP_LISTEN
            return int(cols[1].split(':')[1], 16)
    return None


# ----------------------------------------------------------------------------------------------------------
# One cell


class Cell:
    def __init__(self, args, peer, role, suite, feature):
        self.args = args
        self.peer, self.role, self.suite, self.feature = peer, role, suite, feature
        self.deadline = time.monotonic() + args.timeout
        self.procs = []
        self.sel = selectors.DefaultSelector()
        self.tmp = tempfile.mkdtemp(prefix='interop-')
        self.ours = None
        self.them = None
        self.payloads = []  # kept out of the failure logs

    def close(self):
        for p in self.procs:
            p.stop()
        self.sel.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def file(self, name):
        return os.path.join(self.args.certs, name)

    def payload(self, c_string=False):
        self.payloads.append(payload(c_string))
        return self.payloads[-1]

    # -- processes and waiting -----------------------------------------------------------------------------

    def spawn(self, name, argv, keylog):
        p = Proc(name, argv, dict(os.environ, SSLKEYLOGFILE=os.path.join(self.tmp, keylog)))
        self.procs.append(p)
        self.sel.register(p.popen.stdout, selectors.EVENT_READ, (p, p.out))
        self.sel.register(p.popen.stderr, selectors.EVENT_READ, (p, p.err))
        return p

    def pump(self, timeout):
        """Collects what the children wrote, waiting up to `timeout` seconds for something to happen."""
        if not self.sel.get_map():
            # Every stream is at EOF: the only event left is an exit, so wait for that.
            running = [p for p in self.procs if p.popen.poll() is None]
            if running:
                try:
                    running[0].popen.wait(timeout)
                except subprocess.TimeoutExpired:
                    pass
            return
        for key, _ in self.sel.select(timeout):
            proc, buf = key.data
            data = os.read(key.fd, 65536)
            if data:
                buf += data
            else:
                self.sel.unregister(key.fileobj)
                proc.open_streams -= 1

    def wait_for(self, cond, what, watch=()):
        """Pumps until cond() holds; fails if a watched process ends first or the deadline passes."""
        while not cond():
            for p in watch:
                if p.done():
                    self.ended_early(p, what)
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise CellFailed(f'timeout waiting for {what}')
            self.pump(min(left, 0.1))

    def ended_early(self, p, what):
        if p is self.ours and p.rc() == 3:  # our tools' "-cipher matched no suite"
            if self.args.ours_may_lack:
                raise CellNotApplicable('n/a (ours lacks suite)')
            raise CellFailed(f'{p.name} has no {self.suite.ossl}')
        raise CellFailed(f'{p.name} exited with status {p.rc()} before {what}')

    def send(self, p, data):
        if not p.send(data):
            self.wait_for(p.done, f'{p.name} to exit')
            self.ended_early(p, 'reading its input')

    def wait_exit(self, p, what):
        self.wait_for(p.done, f'{p.name} to exit after {what}')
        if p.rc() != 0:
            self.ended_early(p, what)

    # -- the two shapes of a cell --------------------------------------------------------------------------

    def run(self):
        if self.role == 'server':
            self.run_peer_server()
        else:
            self.run_peer_client()
        if not (self.peer == 'openssl' and self.role == 'server' and self.feature == 'sni'):
            self.check_keylogs()  # s_server switches to its -cert2 context for SNI, which has no key log

    def run_peer_server(self):
        """The peer serves; our client connects (and reconnects, resuming, for 'resumed')."""
        self.them = self.spawn(self.peer, peer_server_argv(self), 'peer.keys')
        port = []
        self.wait_for(lambda: port.append(listening_port(self.them.popen.pid)) or port[-1] is not None,
                      f'{self.peer} to listen', [self.them])
        self.ours = self.spawn('our client', our_client_argv(self, port[-1]), 'ours.keys')
        to_server, to_client = self.exchange_with_peer_server()
        self.ours.close_stdin()
        self.wait_exit(self.ours, 'close_notify')
        if self.peer == 'openssl':
            self.wait_exit(self.them, 'the last connection')
        # s_server -brief reports on stderr; its stdout is the payload, which need not end in a newline.
        check_reports(self, ours=self.ours.out, theirs=self.them.out + b'\n' + self.them.err)
        if self.peer == 'openssl':
            expect_exact(self.them.out, to_server, 's_server received')
        expect_exact(data_after_report(self.ours.out, OUR_REPORT), to_client, 'our client received')

    def exchange_with_peer_server(self):
        """Sends the payloads; returns (what the peer server must receive, what our client must receive)."""
        watch = [self.ours, self.them]
        if self.peer == 'openssl':
            p, q = self.payload(), self.payload()
            self.send(self.ours, p)
            self.wait_for(lambda: len(self.them.out) >= len(p), 'the payload to reach s_server', watch)
            self.send(self.them, q)
            self.wait_for(lambda: len(received(self.ours.out, OUR_REPORT)) >= len(q),
                          'the payload to reach our client', watch)
            return p, q
        p = self.payload(c_string=True)
        self.send(self.ours, p)
        self.wait_for(lambda: len(received(self.ours.out, OUR_REPORT)) >= len(p),
                      'the echo from gnutls-serv', watch)
        return p, p

    def run_peer_client(self):
        """Our server echoes; the peer client connects (and reconnects, resuming, for 'resumed')."""
        self.ours = self.spawn('our server', our_server_argv(self), 'ours.keys')
        self.wait_for(lambda: b'\n' in self.ours.out, 'our server to listen', [self.ours])
        m = re.match(rb'ACCEPT 127\.0\.0\.1:(\d+)\n', bytes(self.ours.out))
        if not m:
            raise CellFailed(f'our server announced {bytes(self.ours.out[:80])!r}')
        self.them = self.spawn(self.peer, peer_client_argv(self, int(m.group(1))), 'peer.keys')
        watch = [self.ours, self.them]
        # Data only after the last handshake, so that none lands on a connection about to be dropped.
        n = connections(self)
        self.wait_for(lambda: self.ours.out.count(b'SSL-Session:\n') >= n, f'{n} handshake(s)', watch)
        p = self.payload()
        report = OPENSSL_REPORT if self.peer == 'openssl' else GNUTLS_CLI_REPORT
        self.send(self.them, p)
        self.wait_for(lambda: len(received(self.them.out, report)) >= len(p), 'the echo from our server',
                      watch)
        self.them.close_stdin()
        self.wait_exit(self.them, 'its stdin closed')
        self.wait_exit(self.ours, f'{n} connection(s)')
        check_reports(self, ours=self.ours.out, theirs=self.them.out)
        expect_exact(data_after_report(self.them.out, report), p, f'{self.peer} client received')

    def check_keylogs(self):
        """Our key log must hold every line the peer logged and no master secret the peer does not know; then
        Wireshark decrypts with it. (GnuTLS logs a session once, we log each connection, resumed or not.)"""
        ours, theirs = (read_keylog(os.path.join(self.tmp, f)) for f in ('ours.keys', 'peer.keys'))
        masters = {line.split()[2] for line in theirs}
        if not theirs or not theirs <= ours or any(line.split()[2] not in masters for line in ours):
            raise CellFailed(f'key logs differ: ours {sorted(ours)}, peer {sorted(theirs)}')

    def logs(self):
        text = []
        for p in self.procs:
            text.append(f'--- {p.name}: {" ".join(p.argv)} (exit {p.rc()})')
            for label, buf in (('stdout', p.out), ('stderr', p.err)):
                data = bytes(buf)
                for i, sent in enumerate(self.payloads):
                    data = data.replace(sent, f'<payload {i}: {len(sent)} bytes>\n'.encode())
                text.append(f'[{label}]\n{printable(data)}')
        return '\n'.join(text)


# ----------------------------------------------------------------------------------------------------------
# Command lines: every feature is a few arguments here and a few checks in check_reports().


def connections(cell):
    """Handshakes per cell: s_client -reconnect reconnects five times, our client and gnutls-cli once."""
    if cell.feature != 'resumed':
        return 1
    return 6 if cell.peer == 'openssl' and cell.role == 'client' else 2


def gnutls_priority(suite, feature):
    versions = '+VERS-TLS1.2:+VERS-TLS1.1:+VERS-TLS1.0' if feature == 'peer-tls12' else '+VERS-TLS1.0'
    prio = f'NORMAL:-VERS-ALL:{versions}:-CIPHER-ALL:+{suite.gnutls}:-KX-ALL:+{suite.kx}:-MAC-ALL:+SHA1'
    if suite.groups:
        prio += ':-GROUP-ALL' + ''.join(f':+{GNUTLS_GROUPS[g]}' for g in suite.groups)
    if 'DSS' in suite.kx or feature == 'client-cert-dsa':
        prio += ':+SIGN-DSA-SHA1'  # DSA signatures are not in GnuTLS's NORMAL
    return prio


def server_identity(cell):
    """The server's certificate, key, and the file its clients trust it with (a self-signed one: itself)."""
    cert = cell.file(cell.suite.cert + '.pem')
    trusted = cell.file('ca-rsa.pem') if cell.suite.cert == 'server-rsa' else cert
    return cert, cell.file(cell.suite.cert + '.key'), trusted


def client_identity(cell):
    """The client certificate, key, the file the server trusts it with and its subject, for a client-cert*
    feature. gnutls-cli gets the run's DSA-1024 key instead of dsa-2048 (make_small_dsa)."""
    name, trusted, subject = CLIENT_CERTS[cell.feature]
    if cell.feature == 'client-cert-dsa' and cell.peer == 'gnutls' and cell.role == 'client':
        if cell.args.small_dsa is None:
            raise CellNotApplicable('n/a (no DSA-1024 key for gnutls-cli)')
        cert, key = cell.args.small_dsa
        return cert, key, cert, SMALL_DSA_SUBJECT
    return cell.file(name + '.pem'), cell.file(name + '.key'), cell.file(trusted), subject


SMALL_DSA_SUBJECT = b'/O=nettls/CN=dsa-1024'


def make_small_dsa(args, tmp):
    """GnuTLS signs with a DSA key before TLS 1.2 only when its q has 160 bits ("The given DSA key is
    incompatible with the selected TLS protocol" for dsa-2048, whose q has 256), so gnutls-cli's DSA client
    certificate is a self-signed DSA-1024/160 made for this run. Returns (cert, key), or None without
    openssl."""
    openssl = args.openssl or shutil.which('openssl')
    if not openssl:
        return None
    params, key, cert = (os.path.join(tmp, n) for n in ('dsa-params.pem', 'dsa-1024.key', 'dsa-1024.pem'))
    steps = [['genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:1024',
              '-pkeyopt', 'dsa_paramgen_q_bits:160', '-out', params],
             ['genpkey', '-paramfile', params, '-out', key],
             ['req', '-x509', '-new', '-key', key, '-subj', '/O=nettls/CN=dsa-1024', '-days', '2',
              '-out', cert]]
    for step in steps:
        if subprocess.run([openssl] + step, capture_output=True, timeout=120).returncode != 0:
            return None
    return cert, key


def openssl_common(cell):
    return (['-cipher', f'{cell.suite.ossl}:@SECLEVEL=0', '-no_ticket',
             '-keylogfile', os.path.join(cell.tmp, 'peer.keys')]
            + (['-groups', ':'.join(cell.suite.groups)] if cell.suite.groups else [])
            + ([] if cell.feature == 'peer-tls12' else ['-tls1']))


def peer_server_argv(cell):
    f = cell.feature
    cert, key, _ = server_identity(cell)
    if cell.peer == 'openssl':
        argv = [cell.args.openssl, 's_server', '-accept', '127.0.0.1:0', '-naccept', str(connections(cell)),
                '-brief', '-cert', cert, '-key', key] + openssl_common(cell)
        if f in CLIENT_CERTS:
            argv += ['-Verify', '4', '-CAfile', client_identity(cell)[2], '-verify_return_error']
        if f == 'sni':
            # s_server checks the name only with a second context, and refuses a wrong name but not a missing
            # one (-servername_fatal); the gnutls-serv cells see the name itself.
            argv += ['-servername', 'localhost', '-servername_fatal', '-cert2', cert, '-key2', key]
        return argv
    argv = [cell.args.gnutls_serv, '-p', '0', '--echo', '--crlf', '--noticket', '--x509certfile', cert,
            '--x509keyfile', key, '--priority', gnutls_priority(cell.suite, f)]
    if cell.suite.kx.startswith('DHE'):
        argv += ['--dhparams', cell.file('dh-ffdhe2048.pem')]
    if f in CLIENT_CERTS:
        argv += ['--require-client-cert', '--verify-client-cert', '--x509cafile', client_identity(cell)[2]]
    if f == 'sni':
        argv += ['--sni-hostname', 'localhost', '--sni-hostname-fatal']
    return argv


def peer_client_argv(cell, port):
    f, ca = cell.feature, server_identity(cell)[2]
    if cell.peer == 'openssl':
        argv = [cell.args.openssl, 's_client', '-connect', f'127.0.0.1:{port}', '-nocommands', '-CAfile', ca,
                '-verify', '4', '-verify_return_error'] + openssl_common(cell)
        if f in CLIENT_CERTS:
            cert, key, _, _ = client_identity(cell)
            argv += ['-cert', cert, '-key', key]
        argv += {'resumed': ['-reconnect'], 'sni': ['-servername', 'localhost']}.get(f, [])
        return argv
    argv = [cell.args.gnutls_cli, '--port', str(port), '--x509cafile', ca, '--noticket',
            '--priority', gnutls_priority(cell.suite, f), '127.0.0.1']
    if f in CLIENT_CERTS:
        cert, key, _, _ = client_identity(cell)
        argv += ['--x509certfile', cert, '--x509keyfile', key]
    argv += {'resumed': ['--resume'], 'sni': ['--sni-hostname', 'localhost']}.get(f, [])
    return argv


def our_common(cell):
    return (['-tls1', '-cipher', f'{cell.suite.ossl}:@SECLEVEL=0']
            + (['-groups', ':'.join(cell.suite.groups)] if cell.suite.groups else []))


def our_client_argv(cell, port):
    argv = [cell.args.client, '-connect', f'127.0.0.1:{port}', '-CAfile', server_identity(cell)[2],
            '-verify', '4'] + our_common(cell)
    if cell.feature in CLIENT_CERTS:
        cert, key, _, _ = client_identity(cell)
        argv += ['-cert', cert, '-key', key]
    argv += {'resumed': ['-reconnect'], 'sni': ['-servername', 'localhost']}.get(cell.feature, [])
    return argv


def our_server_argv(cell):
    cert, key, _ = server_identity(cell)
    argv = [cell.args.server, '-accept', '0', '-naccept', str(connections(cell)), '-cert', cert, '-key', key
            ] + our_common(cell)
    if cell.suite.kx == 'DHE-DSS':
        # SSL_CTX_set_tmp_dh with a PEM group; the DHE-RSA rows use the built-in one (SSL_CTX_set_dh_auto).
        argv += ['-dhparam', cell.file('dh-ffdhe2048.pem')]
    if cell.feature in CLIENT_CERTS:
        argv += ['-Verify', '4', '-CAfile', client_identity(cell)[2]]
    return argv


# ----------------------------------------------------------------------------------------------------------
# What both sides report


def check_reports(cell, ours, theirs):
    s, f = cell.suite, cell.feature
    expect_all(ours, rb'^    Protocol  : (.*)$', b'TLSv1', 'our protocol')
    expect_all(ours, rb'^    Cipher    : (.*)$', s.ossl.encode(), 'our cipher')
    if f == 'resumed':
        expect_last(ours, rb'^(New|Reused), ', b'Reused', 'our last connection')
    if cell.role == 'client':  # we are the server
        if f in CLIENT_CERTS:
            expect_all(ours, rb'^ 0 s:(.*)$', client_identity(cell)[3], 'the client certificate we got')
            expect_all(ours, rb'^    Verify return code: (.*)$', b'0 (ok)', 'our verification')
        if f == 'sni':
            expect_all(ours, rb'^Server name: (.*)$', b'localhost', 'the server name we got')
    check_peer_report(cell, bytes(theirs))


def check_peer_report(cell, theirs):
    s, f = cell.suite, cell.feature
    if cell.peer == 'openssl' and cell.role == 'client':
        expect_all(theirs, rb'^    Protocol  : (.*)$', b'TLSv1', 's_client protocol')
        expect_all(theirs, rb'^    Cipher    : (.*)$', s.ossl.encode(), 's_client cipher')
        if s.kx != 'RSA':  # the group our server chose, as s_client saw its ServerKeyExchange
            temp = {'': b'DH, 2048 bits', 'P-256': b'ECDH, prime256v1, 256 bits',
                    'P-384': b'ECDH, secp384r1, 384 bits', 'X25519': b'X25519, 253 bits'}[s.group]
            expect_all(theirs, rb'^Server Temp Key: (.*)$', temp, 's_client server temp key')
        if f == 'resumed':
            expect_last(theirs, rb'^(New|Reused), ', b'Reused', 's_client last connection')
    elif cell.peer == 'openssl':
        expect_all(theirs, rb'^Protocol version: (.*)$', b'TLSv1', 's_server protocol')
        expect_all(theirs, rb'^Ciphersuite: (.*)$', s.ossl.encode(), 's_server cipher')
        if f in CLIENT_CERTS:
            expect_all(theirs, rb'^Verification: (.*)$', b'OK', 's_server verification')
    else:
        prog = 'gnutls-serv' if cell.role == 'server' else 'gnutls-cli'
        # "(TLS1.0-X.509)-(RSA)-(AES-128-CBC)-(SHA1)". An ephemeral exchange names its group (gnutls-serv
        # calls the -dhparams group CUSTOM2048), and gnutls-serv adds the signature: "(TLS1.0-X.509)-
        # (ECDHE-X25519)-(RSA-SHA1)-(AES-128-CBC)-(SHA1)".
        kx = s.kx
        if s.kx.startswith('DHE'):
            kx = r'DHE-(?:FFDHE|CUSTOM)2048'
        elif s.kx.startswith('ECDHE'):
            kx = 'ECDHE-' + GNUTLS_GROUPS[s.group][len('GROUP-'):]
        if s.kx != 'RSA':
            kx += r'(?:\)-\(' + s.kx.split('-')[1].replace('DSS', 'DSA') + r'-SHA1)?'
        desc = rf'\(TLS1\.0-X\.509\)-\({kx}\)-\({re.escape(s.gnutls)}\)-\(SHA1\)'.encode()
        expect_match_all(theirs, rb'^- Description: (.*)$', desc, f'{prog} description')
        if f == 'resumed':
            expect_present(theirs, b'*** This is a resumed session', f'{prog} resumption')
        if f in CLIENT_CERTS and prog == 'gnutls-serv':
            expect_all(theirs, rb'^- Status: (.*?) ?$', b'The certificate is trusted.',
                       'gnutls-serv verification')
        if f == 'sni' and prog == 'gnutls-serv':
            expect_all(theirs, rb'^- Given server name\[1\]: (.*)$', b'localhost', 'gnutls-serv server name')


# ----------------------------------------------------------------------------------------------------------
# Payloads, outputs, expectations


def payload(c_string=False):
    """Random bytes; for gnutls-serv's echo (C strings, line by line) without NUL and ending in a newline."""
    data = bytearray(os.urandom(PAYLOAD_LEN))
    if c_string:
        data = bytearray(b if b != 0 else 1 for b in data)
        data[-1] = ord('\n')
    return bytes(data)


def data_after_report(out, report_re):
    out = bytes(out)
    ends = [m.end() for m in re.finditer(report_re, out)]
    if not ends:
        raise CellFailed('no connection report in the client output')
    data = out[ends[-1]:]
    if data.endswith(GNUTLS_CLI_TRAILER):
        data = data[:-len(GNUTLS_CLI_TRAILER)]
    return data


def received(out, report_re):
    """What a client has printed so far after its (last) connection report."""
    try:
        return data_after_report(out, report_re)
    except CellFailed:
        return b''


def expect_exact(got, want, what):
    got = bytes(got)
    if got != want:
        diff = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
        raise CellFailed(f'{what} {len(got)} bytes, expected {len(want)}; first difference at byte {diff}')


def expect_all(text, pattern, want, what):
    found = re.findall(pattern, bytes(text), re.M)
    if not found or any(f != want for f in found):
        raise CellFailed(f'{what}: {[f.decode(errors="replace") for f in found]}, expected {want.decode()}')


def expect_match_all(text, pattern, want_re, what):
    found = re.findall(pattern, bytes(text), re.M)
    if not found or any(re.fullmatch(want_re, f) is None for f in found):
        got = [f.decode(errors='replace') for f in found]
        raise CellFailed(f'{what}: {got}, expected {want_re.decode()}')


def expect_last(text, pattern, want, what):
    found = re.findall(pattern, bytes(text), re.M)
    if not found or found[-1] != want:
        raise CellFailed(f'{what}: {found[-1].decode() if found else "nothing"}, expected {want.decode()}')


def expect_present(text, want, what):
    if want not in text:
        raise CellFailed(f'{what}: no "{want.decode()}"')


def read_keylog(path):
    try:
        with open(path) as f:
            return {line.strip().lower() for line in f if line.startswith('CLIENT_RANDOM ')}
    except OSError:
        return set()


def printable(data, limit=4000):
    text = data.decode('utf-8', errors='replace')
    text = ''.join(c if c.isprintable() or c in '\n\t' else '.' for c in text)
    return text if len(text) <= limit else text[:limit // 2] + '\n[...]\n' + text[-limit // 2:]


# ----------------------------------------------------------------------------------------------------------
# The matrix

_support = {}


def peer_has_suite(args, peer, suite):
    """Asks the peer whether it can do `suite` at TLS 1.0 (Debian's OpenSSL 3 has no 3DES and no RC4)."""
    if (peer, suite) not in _support:
        if peer == 'openssl':
            r = subprocess.run([args.openssl, 'ciphers', '-s', '-tls1', f'{suite.ossl}:@SECLEVEL=0'],
                               capture_output=True, text=True, timeout=30)
            ok = r.returncode == 0 and suite.ossl in r.stdout.strip().split(':')
        else:
            r = subprocess.run([args.gnutls_cli, '--list', '--priority', gnutls_priority(suite, 'full')],
                               capture_output=True, text=True, timeout=30)
            kx = suite.kx.replace('-', '_')
            ok = r.returncode == 0 and re.search(rf'^TLS_{kx}_\S+\s+0x', r.stdout, re.M) is not None
        _support[(peer, suite)] = ok
    return _support[(peer, suite)]


def run_cell(args, peer, role, suite, feature):
    """Returns (result, detail, logs)."""
    if not peer_has_suite(args, peer, suite):
        return 'n/a (peer lacks suite)', '', ''
    cell = Cell(args, peer, role, suite, feature)
    try:
        cell.run()
        return 'ok', '', ''
    except CellNotApplicable as e:
        return str(e), '', ''
    except CellFailed as e:
        cell.pump(0)
        return 'FAIL', str(e), cell.logs()
    finally:
        cell.close()


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--client', required=True, help='our client (nettls-client or ossl-client)')
    ap.add_argument('--server', required=True, help='our server (nettls-server or ossl-server)')
    ap.add_argument('--certs', required=True, help='directory with {ca,server,client}-rsa.pem and the keys')
    ap.add_argument('--openssl', default=shutil.which('openssl') or '', help='the openssl program')
    ap.add_argument('--gnutls-serv', default=shutil.which('gnutls-serv') or '', help='the gnutls-serv')
    ap.add_argument('--gnutls-cli', default=shutil.which('gnutls-cli') or '', help='the gnutls-cli')
    ap.add_argument('--peer', action='append', choices=PEERS, help='peer(s) to run (default: all)')
    ap.add_argument('--peer-role', action='append', choices=ROLES, help="peer role(s) to run (default: both)")
    ap.add_argument('--suite', action='append',
                    help='row(s) to run: OpenSSL suite name[/group][/certificate kind] (default: all)')
    ap.add_argument('--feature', action='append', choices=FEATURES + OPTIONAL_FEATURES,
                    help=f'feature(s) to run (default: {", ".join(FEATURES)})')
    ap.add_argument('--ours-may-lack', action='store_true',
                    help='a suite our tools reject is n/a, not a failure (for the ossl-* builds)')
    ap.add_argument('--timeout', type=float, default=30, help='seconds per cell (default 30)')
    args = ap.parse_args(argv)
    args.peer = args.peer or PEERS
    args.peer_role = args.peer_role or ROLES
    args.feature = args.feature or FEATURES
    known = {s.label: s for s in SUITES}
    unknown = [s for s in args.suite or [] if s not in known]
    if unknown:
        ap.error(f'unknown suite(s) {unknown}; known: {", ".join(known)}')
    args.suite = [known[s] for s in args.suite] if args.suite else SUITES
    return args


def missing_programs(args):
    need = []
    if 'openssl' in args.peer:
        need.append(('openssl', args.openssl))
    if 'gnutls' in args.peer:
        need += [('gnutls-serv', args.gnutls_serv), ('gnutls-cli', args.gnutls_cli)]
    return [name for name, path in need if not path or not os.access(path, os.X_OK)]


def main(argv):
    args = parse_args(argv)
    missing = missing_programs(args)
    if missing:
        print(f'interop: skipped, no {", ".join(missing)} (CI installs the peers and configures with'
              ' -Dtests=enabled, which makes them required)')
        return SKIP
    tmp = tempfile.mkdtemp(prefix='interop-run-')
    try:
        need_small_dsa = ('gnutls' in args.peer and 'client' in args.peer_role
                          and 'client-cert-dsa' in args.feature)
        args.small_dsa = make_small_dsa(args, tmp) if need_small_dsa else None
        return run_matrix(args)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run_matrix(args):
    row = '{:<8} {:<10} {:<38} {:<18} {}'
    print(row.format('peer', 'peer role', 'suite', 'feature', 'result'))
    counts = {'ok': 0, 'n/a': 0, 'FAIL': 0}
    failures = []
    for peer in args.peer:
        for role in args.peer_role:
            for suite in args.suite:
                for feature in args.feature:
                    result, detail, logs = run_cell(args, peer, role, suite, feature)
                    counts[result.split(' ')[0]] += 1
                    shown = result + (f': {detail}' if detail else '')
                    print(row.format(peer, role, suite.label, feature, shown), flush=True)
                    if logs:
                        failures.append((f'{peer} {role} {suite.label} {feature}: {detail}', logs))
    for title, logs in failures:
        print(f'\n===== {title}\n{logs}')
    print(f'\ninterop: {counts["ok"]} ok, {counts["n/a"]} n/a, {counts["FAIL"]} failed')
    return 1 if counts['FAIL'] else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
