#!/usr/bin/env python3
"""Header probe: every include/openssl header must compile on its own, warning-free, under the flags that
strict legacy programs use, in C and in C++.

usage: probe.py c|c++ INCLUDE_DIR -- COMPILER [ARGS...]

Each header is compiled alone (with one declaration after it, since ISO C forbids an empty translation
unit), then all headers together in both orders, so no two headers declare or define the same thing.
Prints every failing header with the compiler's words; exits 1 if any failed."""
import concurrent.futures
import os
import subprocess
import sys
import tempfile

# The headers a legacy program may include (the foundation issue's list); all must exist.
REQUIRED = """ssl.h tls1.h ssl2.h ssl3.h err.h x509.h x509v3.h x509_vfy.h pem.h bio.h evp.h rand.h crypto.h
opensslv.h opensslconf.h ossl_typ.h e_os2.h safestack.h stack.h lhash.h objects.h obj_mac.h asn1.h bn.h
rsa.h dsa.h dh.h ec.h md4.h md5.h sha.h hmac.h des.h buffer.h conf.h engine.h ocsp.h pkcs12.h
comp.h""".split()

STRICT = ['-pedantic', '-Wall', '-Wextra', '-Werror', '-Wredundant-decls', '-Wundef', '-Wshadow']
VARIANTS = {
    'c': [
        ('c89', ['-x', 'c', '-std=c89', '-Wstrict-prototypes'] + STRICT),
        ('c89, OPENSSL_API_COMPAT=0x10100000L',
         ['-x', 'c', '-std=c89', '-DOPENSSL_API_COMPAT=0x10100000L'] + STRICT),
        ('c11', ['-x', 'c', '-std=c11', '-Wstrict-prototypes'] + STRICT),
    ],
    'c++': [
        ('c++98', ['-x', 'c++', '-std=c++98'] + STRICT),
        ('c++17', ['-x', 'c++', '-std=c++17'] + STRICT),
    ],
}


def compile_unit(compiler, flags, include_dir, headers, workdir):
    src = ''.join('#include <openssl/%s>\n' % h for h in headers)
    src += 'typedef int nettls_header_probe;\n'
    fd, path = tempfile.mkstemp(suffix='.probe', dir=workdir)
    with os.fdopen(fd, 'w') as f:
        f.write(src)
    cmd = compiler + flags + ['-I', include_dir, '-fsyntax-only', path]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    os.unlink(path)
    return r.returncode, r.stdout


def main():
    argv = sys.argv[1:]
    if len(argv) < 4 or argv[2] != '--' or argv[0] not in VARIANTS:
        sys.exit(__doc__)
    lang, include_dir, compiler = argv[0], argv[1], argv[3:]
    ossl = os.path.join(include_dir, 'openssl')
    headers = sorted(h for h in os.listdir(ossl) if h.endswith('.h'))
    failures = ['missing header: openssl/%s' % h for h in REQUIRED if h not in headers]

    jobs = []
    for name, flags in VARIANTS[lang]:
        for h in headers:
            jobs.append(('%s [%s]' % (h, name), flags, [h]))
        jobs.append(('all headers, in order [%s]' % name, flags, headers))
        jobs.append(('all headers, reversed [%s]' % name, flags, headers[::-1]))

    with tempfile.TemporaryDirectory() as work, concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = pool.map(lambda j: (j[0], compile_unit(compiler, j[1], include_dir, j[2], work)), jobs)
        for label, (rc, out) in results:
            if rc != 0 or out.strip():
                failures.append('FAIL %s:\n%s' % (label, out.strip()))

    for f in failures:
        print(f)
    print('%s header probe: %d headers, %d compilations, %d failed'
          % (lang, len(headers), len(jobs), len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
