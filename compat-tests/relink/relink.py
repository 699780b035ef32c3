#!/usr/bin/env python3
"""Relink test: build a real program from its Debian source, unchanged, against nettls, and smoke-test it.

    relink.py PROGRAM BUILD_DIR [--against-system] [--keep-going]

Installs the nettls build in BUILD_DIR into a scratch prefix, fetches the program's Debian source (`apt-get
source`, cached under BUILD_DIR), installs its build dependencies, runs its own build (`debian/rules build`)
with only the flags changed so that nettls's headers and libraries come first, checks with ldd that it loads
nettls's libssl/libcrypto and no system OpenSSL, then runs the program's smoke test over TLS 1.0.

--against-system builds the same source against the system OpenSSL instead: it proves the mechanics and the
smoke test while nettls lacks something, and is never what the Meson suite runs.

Needs root for apt (CI runs as root). Exits 0 on success, 1 on failure.
"""
import argparse
import contextlib
import fcntl
import json
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE_ROOT = HERE.parent.parent
CERTS = SOURCE_ROOT / 'lib' / 'x509' / 'tests' / 'data'
DEB_SRC_LIST = Path('/etc/apt/sources.list.d/nettls-deb-src.list')
MESON = os.environ.get('MESON', 'meson')
# apt waits this long for a dpkg lock held by someone else instead of failing at once.
APT = ['apt-get', '-y', '-qq', '-o', 'DPkg::Lock::Timeout=600']
# The client every smoke test uses: OpenSSL 3 speaks TLS 1.0 only at security level 0. Servers such as
# mini_httpd close without close_notify (SSL_free with no SSL_shutdown), which OpenSSL 3 counts as an
# error unless told otherwise; the exact body comparison catches any truncation instead.
S_CLIENT = ['openssl', 's_client', '-tls1', '-cipher', 'AES128-SHA:@SECLEVEL=0', '-quiet', '-brief',
            '-ignore_unexpected_eof']


class Failure(Exception):
    """A step failed; the message says which and why."""


def log(msg):
    print(f'relink: {msg}', flush=True)


def run(cmd, logfile=None, **kw):
    """Run cmd; with logfile, its output goes there and a failure shows the tail of it."""
    if logfile is None:
        proc = subprocess.run(cmd, **kw)
    else:
        with open(logfile, 'ab') as out:
            proc = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, **kw)
    if proc.returncode != 0:
        tail = ''
        if logfile is not None:
            tail = '\n'.join(Path(logfile).read_text(errors='replace').splitlines()[-40:])
        raise Failure(f'{" ".join(map(str, cmd))} exited with {proc.returncode}\n{tail}')
    return proc


# ---------------------------------------------------------------------------------------------------------
# nettls into a scratch prefix

def build_options(build):
    """The build's prefix, libdir, includedir and b_sanitize, as `meson configure` shows them."""
    out = subprocess.run([MESON, 'introspect', str(build), '--buildoptions'],
                         check=True, capture_output=True, text=True).stdout
    opts = {o['name']: o['value'] for o in json.loads(out)}
    return {k: opts[k] for k in ('prefix', 'libdir', 'includedir', 'b_sanitize')}


def install_nettls(build, opts, dest):
    """`meson install --destdir` as compat-tests/packaging does; returns (includedir, libdir) inside dest."""
    def under_dest(d):
        return dest / os.path.join(opts['prefix'], d).lstrip('/')
    run([MESON, 'install', '-C', str(build), '--no-rebuild', '--quiet', '--destdir', str(dest)],
        logfile=dest.parent / 'install.log')
    libdir, incdir = under_dest(opts['libdir']), under_dest(opts['includedir'])
    # The .pc files name the configured prefix; programs' own pkg-config calls must see the scratch copy,
    # and PKG_CONFIG_SYSROOT_DIR would misplace every other package's flags, so rewrite prefix= instead.
    prefix = under_dest('')
    for pc in (libdir / 'pkgconfig').glob('*.pc'):
        text = re.sub(r'^prefix=.*$', f'prefix={str(prefix).rstrip("/")}', pc.read_text(), flags=re.M)
        pc.write_text(text)
    return incdir, libdir


# ---------------------------------------------------------------------------------------------------------
# Debian source and build dependencies

@contextlib.contextmanager
def apt_lock(cache):
    """Relink tests run in parallel under `meson test`; one apt operation at a time keeps them apart."""
    with open(cache / 'apt.lock', 'w') as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        yield


def need_root(what):
    if os.geteuid() != 0:
        raise Failure(f'{what} needs root (CI runs as root); run it once as root, then reruns use the cache')


def debian_binary_entries():
    """(URI, suite, components, signed-by) of every enabled `deb` entry on the Debian archive itself.

    Third-party repositories (Node, Google, ...) often publish no sources, and a deb-src entry for one
    would make `apt-get update` fail, so only Debian's own archive and its security archive are mirrored.
    """
    entries = []
    lists = Path('/etc/apt/sources.list.d')
    for f in sorted(lists.glob('*.sources')):
        for stanza in re.split(r'\n\s*\n', f.read_text()):
            fields = {}
            for line in stanza.splitlines():
                m = re.match(r'^([A-Za-z-]+):\s*(.*)$', line)
                if m:
                    fields[m.group(1).lower()] = m.group(2).split()
            if 'deb' not in fields.get('types', []) or fields.get('enabled', ['yes'])[0] == 'no':
                continue
            for uri in fields.get('uris', []):
                for suite in fields.get('suites', []):
                    entries.append((uri, suite, fields.get('components', []),
                                    ' '.join(fields.get('signed-by', []))))
    one_line = [Path('/etc/apt/sources.list')] + sorted(lists.glob('*.list'))
    for f in one_line:
        if f == DEB_SRC_LIST or not f.exists():
            continue
        for line in f.read_text().splitlines():
            m = re.match(r'^deb\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)\s*(.*)$', line.strip())
            if m:
                opts = dict(o.split('=', 1) for o in (m.group(1) or '').split() if '=' in o)
                entries.append((m.group(2), m.group(3), m.group(4).split(), opts.get('signed-by', '')))
    return [e for e in entries if re.search(r'debian\.org|/debian(-security)?/?$', e[0])]


def ensure_deb_src(cache, package):
    """Make `apt-get source PACKAGE` possible: our own deb-src list beside the binary ones, then update."""
    if apt_showsrc(package):
        return
    need_root('adding a deb-src entry')
    lines = []
    for uri, suite, comps, signed_by in debian_binary_entries():
        opt = f'[signed-by={signed_by}] ' if signed_by else ''
        lines.append(f'deb-src {opt}{uri} {suite} {" ".join(comps)}')
    if not lines:
        raise Failure('no Debian binary entries in /etc/apt/sources.list{,.d} to mirror as deb-src')
    text = '# Added by nettls compat-tests/relink: source packages for the relink suite.\n' + \
        '\n'.join(lines) + '\n'
    if not DEB_SRC_LIST.exists() or DEB_SRC_LIST.read_text() != text:
        DEB_SRC_LIST.write_text(text)
        log(f'wrote {DEB_SRC_LIST}')
    run(APT + ['update'], logfile=cache / 'apt.log')
    if not apt_showsrc(package):
        raise Failure(f'no source package for {package} after apt-get update')


def apt_showsrc(package):
    proc = subprocess.run(['apt-cache', 'showsrc', '--only-source', package], capture_output=True, text=True)
    return proc.returncode == 0 and 'Package:' in proc.stdout


def ensure_tools(tools):
    """Install the Debian packages that provide missing commands: {command: package}."""
    missing = sorted({pkg for cmd, pkg in tools.items() if shutil.which(cmd) is None})
    if missing:
        need_root(f'installing {", ".join(missing)}')
        run(APT + ['install', '--no-install-recommends'] + missing)


def fetch_source(cache, package):
    """The .dsc of PACKAGE, downloaded once into the cache; reruns reuse it."""
    dscs = sorted(cache.glob(f'{package}_*.dsc'))
    if not dscs:
        ensure_deb_src(cache, package)
        log(f'downloading the source of {package}')
        # Into a side directory first, so that an interrupted download leaves no .dsc without its tarballs.
        incoming = cache / 'incoming'
        shutil.rmtree(incoming, ignore_errors=True)
        incoming.mkdir()
        # apt's _apt user may not write into the build tree: download as the caller instead.
        run(APT + ['-o', 'APT::Sandbox::User=root', 'source', '--download-only', package],
            cwd=incoming, logfile=cache / 'apt.log')
        for f in sorted(incoming.iterdir(), key=lambda p: p.suffix == '.dsc'):  # the .dsc last
            f.rename(cache / f.name)
        incoming.rmdir()
        dscs = sorted(cache.glob(f'{package}_*.dsc'))
        if not dscs:
            raise Failure(f'apt-get source left no {package}_*.dsc in {cache}')
    return dscs[-1]


def unpack(dsc, srcdir, logfile):
    """A fresh tree each run (nettls may have changed); Debian's patches are applied, nothing else."""
    shutil.rmtree(srcdir, ignore_errors=True)
    run(['dpkg-source', '-x', str(dsc), str(srcdir)], logfile=logfile)


def install_build_deps(srcdir, cache, logfile):
    """apt-get build-dep on the unpacked tree; it may pull libssl-dev, which our -I/-L flags outrank."""
    if subprocess.run(['dpkg-checkbuilddeps'], cwd=srcdir, capture_output=True).returncode == 0:
        return
    need_root('installing build dependencies')
    log('installing build dependencies')
    with apt_lock(cache):
        run(APT + ['--no-install-recommends', 'build-dep', str(srcdir)], logfile=logfile,
            env=dict(os.environ, DEBIAN_FRONTEND='noninteractive'))


# ---------------------------------------------------------------------------------------------------------
# Building and checking the linkage

def shadow_headers(incdir, shadow):
    """A directory, searched right after nettls's headers, with one stub for each <openssl/*.h> that the
    system OpenSSL has and nettls lacks: each stub is an #error naming the header. Without it such an
    #include silently falls through to /usr/include/openssl (libssl-dev is a build dependency of most
    programs) and the program mixes OpenSSL 3's declarations with ours."""
    stub_dir = shadow / 'openssl'
    stub_dir.mkdir(parents=True)
    ours = {h.name for h in (incdir / 'openssl').glob('*.h')}
    theirs = set()
    for d in (Path('/usr/include/openssl'), *Path('/usr/include').glob('*-linux-gnu/openssl')):
        theirs |= {h.name for h in d.glob('*.h')}
    for name in sorted(theirs - ours):
        (stub_dir / name).write_text(f'#error "nettls does not provide <openssl/{name}>"\n')
    return shadow


def build_env(incdir, libdir, shadow, sanitize):
    """Flags through dpkg-buildflags (what debian/rules and most Debian Makefiles read) and pkg-config.

    Prepended so that nettls's headers and libraries come before /usr/include and the system libssl.so;
    the rpath lets the program find the scratch prefix without LD_LIBRARY_PATH (which would also reach
    the openssl client of the smoke test).
    """
    env = dict(os.environ, DEB_BUILD_OPTIONS=f'nocheck parallel={os.cpu_count()}', LC_ALL='C')
    if incdir is not None:
        env['DEB_CPPFLAGS_PREPEND'] = f'-I{incdir} -I{shadow}'
        env['DEB_LDFLAGS_PREPEND'] = f'-L{libdir} -Wl,-rpath,{libdir}'
        env['PKG_CONFIG_PATH'] = f'{libdir}/pkgconfig'
    if sanitize and sanitize != 'none':
        # A sanitized libnettls needs the sanitizer runtime in the program, loaded first.
        for flags in ('CFLAGS', 'CXXFLAGS', 'LDFLAGS'):
            env[f'DEB_{flags}_APPEND'] = f'-fsanitize={sanitize}'
    return env


def build_program(srcdir, env, logfile):
    """The package's own build, as Debian drives it. Missing functions are findings: list them."""
    log(f'building (log: {logfile})')
    try:
        run(['debian/rules', 'build'], cwd=srcdir, env=env, logfile=logfile)
    finally:
        summarize_build_log(Path(logfile).read_text(errors='replace'))


# Names of the OpenSSL API, to pick its functions out of configure's other checks.
OPENSSL_PREFIXES = '|'.join(['SSL', 'TLS', 'DTLS', 'OPENSSL', 'X509', 'PEM', 'EVP', 'ERR', 'RAND', 'BN',
                             'DH', 'RSA', 'DSA', 'EC', 'ASN1', 'BIO', 'OBJ', 'CRYPTO', 'HMAC', 'MD5', 'SHA',
                             'i2d', 'd2i'])


def summarize_build_log(text):
    """What the build says nettls lacks, one line per kind (gcc quotes with ' or with ‘’ under UTF-8)."""
    q, e = '[\'‘`]', '[\'’]'
    for what, pattern in (('undefined references', f'undefined reference to {q}([^\'’]+){e}'),
                          ('implicit declarations', f'implicit declaration of function {q}([^\'’]+){e}'),
                          ('undeclared', f'{q}([A-Za-z0-9_]+){e} undeclared'),
                          ('incomplete types', f'invalid use of incomplete typedef {q}([^\'’]+){e}'),
                          ('#errors', r'#error "([^"]+)"'),
                          ('configure found no',
                           r'checking for ((?:%s)[A-Za-z0-9_]*)\.\.\. (?:\(cached\) )?no$' % OPENSSL_PREFIXES)):
        names = sorted(set(re.findall(pattern, text, flags=re.M)))
        if names:
            log(f'build log, {what}: {" ".join(names)}')


def check_linkage(binary, libdir):
    """ldd: nettls's two halves from the scratch prefix and no system OpenSSL (or, with libdir None,
    the system OpenSSL 3 and no nettls)."""
    deps = subprocess.run(['ldd', str(binary)], check=True, capture_output=True, text=True).stdout
    print(deps, end='')
    if libdir is None:
        if 'libssl.so.3' not in deps or 'libnettls' in deps:
            raise Failure(f'{binary.name} does not load the system libssl.so.3 alone')
        return
    for half in ('ssl', 'crypto'):
        if f'libnettls-{half}.so.0 => {libdir}/' not in deps:
            raise Failure(f'{binary.name} does not load libnettls-{half}.so.0 from {libdir}')
    if re.search(r'lib(ssl|crypto)\.so\.\d', deps):
        raise Failure(f'{binary.name} loads a system OpenSSL')


# ---------------------------------------------------------------------------------------------------------
# Smoke-test helpers

def free_port():
    """A port that was free a moment ago; the caller retries if a race takes it."""
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def listening_inodes(port):
    """Socket inodes listening on 127.0.0.1:port, from /proc/net/tcp (state 0A is LISTEN)."""
    inodes = set()
    want = f'0100007F:{port:04X}'
    for line in Path('/proc/net/tcp').read_text().splitlines()[1:]:
        f = line.split()
        if f[1] == want and f[3] == '0A':
            inodes.add(f[9])
    return inodes


def wait_listening(proc, port, limit=30.0):
    """Poll until proc itself listens on the port (True) or exits (False); no connection is made, so the
    server sees only the real test. Bounded: raises after `limit` seconds."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        mine = set()
        with contextlib.suppress(OSError):
            for fd in Path(f'/proc/{proc.pid}/fd').iterdir():
                m = re.match(r'socket:\[(\d+)\]', os.readlink(fd))
                if m:
                    mine.add(m.group(1))
        if mine & listening_inodes(port):
            return True
        time.sleep(0.02)
    raise Failure(f'server did not listen on port {port} within {limit} s')


def stop(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextlib.contextmanager
def serving(work, name, argv, bind_error, cwd=None, one_shot=False):
    """Start argv(port) on a free port; yields the port once the server itself listens there, and stops it
    afterwards. Programs that take port 0 literally (mini_httpd: 443) cannot report an ephemeral port, so a
    port free a moment ago is used, and another one if the server's stderr says bind_error.

    A one_shot server exits by itself after its one connection, and must exit with 0: a crash while it
    closes the connection counts, and a SIGTERM while it is closing would itself cause trouble."""
    for attempt in range(5):
        port = free_port()
        errlog = work / f'{name}-{attempt}.log'
        with open(errlog, 'wb') as err:
            proc = subprocess.Popen(argv(port), stdout=err, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd,
                                    env=dict(os.environ, LC_ALL='C'))
        try:
            ready = wait_listening(proc, port)
            if ready:
                yield port
                if one_shot:
                    with contextlib.suppress(subprocess.TimeoutExpired):
                        proc.wait(timeout=10)
                    if proc.returncode != 0:
                        raise Failure(f'{name} exited with {proc.returncode} after its connection')
        finally:
            stop(proc)
            server_log = errlog.read_text(errors='replace')
            if server_log:
                print(f'--- {name} stderr ---\n{server_log}', end='')
        if ready:
            return
        if bind_error not in server_log:
            raise Failure(f'{name} exited with {proc.returncode} before listening')
    raise Failure('no free port after 5 attempts')


def fetch(port, request, logfile):
    """Send request over TLS 1.0 with AES128-SHA through OpenSSL's s_client; returns what the server sent."""
    proc = subprocess.run(S_CLIENT + ['-connect', f'127.0.0.1:{port}'], input=request,
                          capture_output=True, timeout=60)
    Path(logfile).write_bytes(proc.stderr)
    summary = proc.stderr.decode(errors='replace')
    if proc.returncode != 0 or 'Protocol version: TLSv1\n' not in summary or \
            'Ciphersuite: AES128-SHA\n' not in summary:
        raise Failure(f's_client exited with {proc.returncode}:\n{summary}')
    return proc.stdout


def expect_same(got, want, what):
    if got != want:
        raise Failure(f'{what}: {len(got)} bytes differ from the {len(want)} expected')
    log(f'{what}: {len(want)} bytes over TLS 1.0, AES128-SHA, as expected')


def test_payload():
    """Every byte value, over several TLS records, so truncation, reordering and text mangling all show."""
    return bytes(range(256)) * 160 + b'served by a program relinked against nettls\n'


def server_pem(work):
    """The test server's certificate followed by its key, for programs that want both in one file."""
    pem = work / 'server.pem'
    pem.write_bytes((CERTS / 'server-rsa.pem').read_bytes() + (CERTS / 'server-rsa.key').read_bytes())
    return pem


# ---------------------------------------------------------------------------------------------------------
# Programs: Debian source package, the binary it builds, and its smoke test

def smoke_mini_httpd(binary, work, system):
    """Serve a file over HTTPS from 127.0.0.1 and fetch it with s_client over TLS 1.0."""
    docroot = work / 'docroot'
    docroot.mkdir()
    payload = test_payload()
    (docroot / 'file').write_bytes(payload)
    (docroot / 'file').chmod(0o644)
    # mini_httpd reads the certificate, chain and key from one PEM file.
    args = ['-D', '-S', '-E', str(server_pem(work)), '-h', '127.0.0.1', '-d', str(docroot),
            '-l', str(work / 'access.log'),
            # As root it would switch to nobody, who may not read the build tree; stay who we are.
            '-u', pwd.getpwuid(os.getuid()).pw_name]
    if system:
        # OpenSSL 3 refuses TLS 1.0 at its default security level; nettls has no such levels.
        args += ['-Y', 'DEFAULT:@SECLEVEL=0']

    def argv(port):
        return [str(binary), '-p', str(port)] + args
    with serving(work, 'mini_httpd', argv, "can't bind") as port:
        expect_same(http_get(port, '/file', work / 'client.log'), payload, 'mini_httpd GET /file')


def http_get(port, path, logfile):
    """GET path with HTTP/1.0 (the server closes after the reply); returns the body of a 200 reply."""
    reply = fetch(port, f'GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n'.encode(), logfile)
    head, sep, body = reply.partition(b'\r\n\r\n')
    status = head.split(b'\r\n', 1)[0]
    if not sep or not re.match(rb'HTTP/1\.[01] 200 ', status):
        raise Failure(f'unexpected reply: {reply[:300]!r}')
    return body


def smoke_socat(binary, work, system):
    """socat as a TLS server: OPENSSL-LISTEN sends a file to the first client, fetched with s_client."""
    payload = test_payload()
    (work / 'file').write_bytes(payload)
    cipher = 'DEFAULT:@SECLEVEL=0' if system else 'DEFAULT'  # as for mini_httpd above

    def argv(port):
        return [str(binary), '-d', '-U',
                f'OPENSSL-LISTEN:{port},bind=127.0.0.1,cert={server_pem(work)},verify=0,cipher={cipher}',
                f'OPEN:{work / "file"},rdonly']
    with serving(work, 'socat', argv, 'Address already in use', one_shot=True) as port:
        expect_same(fetch(port, b'', work / 'client.log'), payload, 'socat OPENSSL-LISTEN')


@contextlib.contextmanager
def s_server(work, payload):
    """OpenSSL's s_server offering only TLS 1.0 with AES128-SHA, serving payload as /file (-WWW: files under
    its working directory, HTTP/1.0); yields its port. The peer of the client-side smoke tests."""
    docroot = work / 'www'
    docroot.mkdir()
    (docroot / 'file').write_bytes(payload)
    argv = ['openssl', 's_server', '-tls1', '-cipher', 'AES128-SHA:@SECLEVEL=0', '-WWW', '-naccept', '1',
            '-cert', str(CERTS / 'server-rsa.pem'), '-key', str(CERTS / 'server-rsa.key')]
    with serving(work, 's_server', lambda port: argv + ['-accept', f'127.0.0.1:{port}'],
                 'Address already in use', cwd=docroot, one_shot=True) as port:
        yield port


def smoke_wget(binary, work, system):
    """wget as a TLS client: https://127.0.0.1:PORT/file from s_server to stdout, compared bytewise, with
    the server's certificate checked against the fixture CA (chain, and 127.0.0.1 against its iPAddress
    subjectAltName); then a CA that did not sign it must make wget give up (exit 5: SSL verification)."""
    payload = test_payload()
    opts = ['--no-config', '-q', '-O', '-', '--secure-protocol=TLSv1']
    if system:
        opts += ['--ciphers=DEFAULT:@SECLEVEL=0']  # OpenSSL 3 speaks TLS 1.0 only at level 0

    def fetch(ca, www):
        (work / www).mkdir()
        with s_server(work / www, payload) as port:
            return subprocess.run([str(binary)] + opts + [f'--ca-certificate={CERTS / ca}',
                                                          f'https://127.0.0.1:{port}/file'],
                                  capture_output=True, timeout=60, env=dict(os.environ, HOME=str(work)))
    proc = fetch('ca-rsa.pem', 'trusted')
    if proc.returncode != 0:
        raise Failure(f'wget exited with {proc.returncode}: {proc.stderr.decode(errors="replace")}')
    expect_same(proc.stdout, payload, 'wget https://127.0.0.1/file')
    proc = fetch('ec-p256.pem', 'untrusted')
    if proc.returncode != 5 or proc.stdout:
        raise Failure(f'wget trusting an unrelated CA exited with {proc.returncode} (expected 5) '
                      f'after {len(proc.stdout)} bytes: {proc.stderr.decode(errors="replace")}')


# name: (Debian source package, binary built in the source tree, smoke test). meson.build runs those that
# build against nettls today; the others are here to be run by hand (see meson.build for what they lack).
PROGRAMS = {
    'mini-httpd': ('mini-httpd', 'mini_httpd', smoke_mini_httpd),
    'socat': ('socat', 'socat', smoke_socat),
    # Debian builds wget twice: with GnuTLS for the deb, with OpenSSL for the installer's udeb.
    'wget': ('wget', 'build-udeb/src/wget', smoke_wget),
}


# ---------------------------------------------------------------------------------------------------------

def relink(name, build, system, keep_going):
    package, binary_name, smoke = PROGRAMS[name]
    base = build / 'compat-tests' / 'relink'
    cache, work = base / 'cache' / package, base / 'work' / (name + ('-system' if system else ''))
    cache.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)

    ensure_tools({'dpkg-source': 'dpkg-dev', 'dpkg-checkbuilddeps': 'dpkg-dev', 'openssl': 'openssl',
                  'make': 'make', 'ldd': 'libc-bin'})
    incdir = libdir = shadow = None
    opts = build_options(build)
    if not system:
        incdir, libdir = install_nettls(build, opts, work / 'dest')
        shadow = shadow_headers(incdir, work / 'shadow-include')
    srcdir = work / 'src'
    with apt_lock(cache):
        dsc = fetch_source(cache, package)
    unpack(dsc, srcdir, work / 'build.log')
    install_build_deps(srcdir, cache, work / 'build.log')
    env = build_env(incdir, libdir, shadow, opts['b_sanitize'])
    if keep_going:
        env['MAKEFLAGS'] = '-k'  # compile all that compiles, so the log lists everything nettls lacks
    build_program(srcdir, env, work / 'build.log')
    binary = srcdir / binary_name
    check_linkage(binary, libdir)
    smoke_work = work / 'smoke'
    smoke_work.mkdir()
    smoke(binary, smoke_work, system)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('program', choices=sorted(PROGRAMS))
    ap.add_argument('build', type=Path, help='the nettls Meson build directory')
    ap.add_argument('--against-system', action='store_true',
                    help='build against the system OpenSSL (development only: proves the mechanics)')
    ap.add_argument('--keep-going', action='store_true',
                    help='make -k: a failing build still compiles all else, for a full list of findings')
    args = ap.parse_args()
    # meson test points LD_LIBRARY_PATH at the build tree's libraries, which would outrank the program's
    # rpath (a RUNPATH): the program must load the installed nettls the way a user's build would.
    os.environ.pop('LD_LIBRARY_PATH', None)
    # The program's own leaks are not nettls's findings; sanitizer errors still stop it.
    os.environ['ASAN_OPTIONS'] = ':'.join(filter(None, [os.environ.get('ASAN_OPTIONS'), 'detect_leaks=0']))
    try:
        relink(args.program, args.build.resolve(), args.against_system, args.keep_going)
    except (Failure, subprocess.SubprocessError) as e:
        print(f'relink-{args.program}: FAIL: {e}')
        print(f'relink-{args.program}: 0 passed, 1 failed')
        return 1
    print(f'relink-{args.program}: 1 passed, 0 failed')
    return 0


if __name__ == '__main__':
    sys.exit(main())
