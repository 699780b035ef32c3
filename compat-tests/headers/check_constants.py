#!/usr/bin/env python3
"""Constant check: the constants in include/openssl carry OpenSSL 1.1.0's values.

usage: check_constants.py INCLUDE_DIR CONSTANTS_TXT [--sys-include DIR] -- COMPILER [ARGS...]

Every object-like macro our headers define with a value is printed by a small C program built against our
headers and by the same program built against the installed OpenSSL's headers; the two must agree except
for the differences between 1.1.0 (what nettls claims) and the installed 3.x listed in KNOWN_DIFFERENCES.
The names in CONSTANTS_TXT (the ones real programs use) must all be defined; "!NAME" must not be."""
import os
import re
import subprocess
import sys
import tempfile

# name (or prefix ending in '_*') -> why OpenSSL 3 differs from the 1.1.0 value nettls carries
KNOWN_DIFFERENCES = {
    'OPENSSL_VERSION_NUMBER': 'the claimed version',
    'OPENSSL_VERSION_TEXT': 'the claimed version',
    'OPENSSL_VERSION_PTEXT': 'the claimed version',
    'SSLEAY_VERSION_NUMBER': 'the claimed version',
    'SHLIB_VERSION_NUMBER': '1.1.0 libraries were .so.1.1',
    'SHLIB_VERSION_HISTORY': 'the claimed version',
    'ERR_R_*': '3.0 adds ERR_RFLAG_* bits to the common reasons',
    'SYS_F_*': '3.0 drops function codes (all 0)',
    'RAND_F_*': '3.0 drops function codes (all 0)',
    'X509_V_ERR_INVALID_CA': '24 in 1.1.0; 3.0 renamed 24 NO_ISSUER_PUBLIC_KEY and gave INVALID_CA 79',
    'SSL3_CT_NUMBER': '3.0 knows more certificate types',
    'TLS_MAX_VERSION': 'TLS 1.2 in 1.1.0, TLS 1.3 in 3.0',
    'SSL_OP_NO_SSL_MASK': '3.0 includes SSL_OP_NO_TLSv1_3',
    'CRYPTO_EX_INDEX__COUNT': '3.0 has more ex_data classes',
    'SSL_OP_ALL': '1.1.0 includes SSL_OP_LEGACY_SERVER_CONNECT, 3.0 dropped it',
    'HMAC_MAX_MD_CBLOCK': '128 (SHA-512) in 1.1.0; 3.0 makes room for SHA-3',
    'OBJ_NAME_TYPE_NUM': '3.0 has more name types',
    'OPENSSL_RSA_FIPS_MIN_MODULUS_BITS': '1024 in 1.1.0, 2048 in 3.0',
    'EC_FLAG_NON_FIPS_ALLOW': '3.0 made the FIPS flags 0',
    'EC_FLAG_FIPS_CHECKED': '3.0 made the FIPS flags 0',
}

# Enumeration constants programs use: not macros, so printed without an #ifdef guard.
ENUM_CONSTANTS = ['X509_LU_NONE', 'X509_LU_X509', 'X509_LU_CRL', 'POINT_CONVERSION_COMPRESSED',
                  'POINT_CONVERSION_UNCOMPRESSED', 'POINT_CONVERSION_HYBRID', 'TLS_ST_BEFORE', 'TLS_ST_OK']

# Names that are configuration, not values.
SKIP = re.compile(r'^(OPENSSL_API_COMPAT|OPENSSL_MIN_API|OPENSSL_FILE|OPENSSL_LINE|HEADER_\w+|NETTLS_\w+)$')
IDENT = re.compile(r'\b[A-Za-z_]\w*\b')
NUMBER = re.compile(r'\b(0[xX][0-9a-fA-F]+|\d+)[uUlL]*\b')


def expand(body, macros, depth=0):
    """The body with every identifier that names one of our macros replaced by its expansion."""
    if depth > 20:
        return body
    return IDENT.sub(lambda m: '(%s)' % expand(macros[m.group(0)], macros, depth + 1)
                     if m.group(0) in macros else m.group(0), body)


def is_value(body, macros):
    """A constant expression made of numbers and operators, or a string literal: not a type, a function
    name or compiler magic."""
    text = expand(body, macros)
    if re.fullmatch(r'[\s()]*"([^"\\]|\\.)*"[\s()]*', text):
        return True
    return text.strip() != '' and IDENT.search(NUMBER.sub('0', text)) is None


def our_macros(compiler, include_dir, headers, work):
    """Object-like macros defined in include/openssl, with their bodies."""
    src = os.path.join(work, 'all.c')
    with open(src, 'w') as f:
        f.write(''.join('#include <openssl/%s>\n' % h for h in headers))
    out = subprocess.run(compiler + ['-E', '-dD', '-I', include_dir, src], check=True,
                         stdout=subprocess.PIPE, universal_newlines=True).stdout
    ours = os.path.join(os.path.realpath(include_dir), 'openssl') + os.sep
    macros, current = {}, ''
    for line in out.splitlines():
        m = re.match(r'^# \d+ "([^"]+)"', line)
        if m:
            current = os.path.realpath(m.group(1)) if not m.group(1).startswith('<') else ''
            continue
        m = re.match(r'^#define (\w+)(\(?)\s*(.*)$', line)
        if m and current.startswith(ours) and not m.group(2):
            macros[m.group(1)] = m.group(3).strip()
    return macros


def printer_source(headers, names, extra_defines):
    lines = [extra_defines]
    lines += ['#include <openssl/%s>' % h for h in headers]
    lines += [
        '#include <stdio.h>',
        'static void ps(const char *n, const char *v) { printf("%s\\ts:%s\\n", n, v); }',
        'static void pi(const char *n, long long v) { printf("%s\\ti:%lld\\n", n, v); }',
        '#define P(x) _Generic((x), char *: ps, const char *: ps, default: pi)(#x, (x))',
        'int main(void) {',
    ]
    for n in ENUM_CONSTANTS:
        lines += ['    P(%s);' % n]
    for n in names:
        if n in ENUM_CONSTANTS:
            continue
        lines += ['#ifdef %s' % n, '    P(%s);' % n, '#else', '    printf("%s\\tundefined\\n");' % n,
                  '#endif']
    lines += ['    return 0;', '}']
    return '\n'.join(lines) + '\n'


def run_printer(compiler, flags, source, work, tag):
    src = os.path.join(work, tag + '.c')
    exe = os.path.join(work, tag)
    with open(src, 'w') as f:
        f.write(source)
    r = subprocess.run(compiler + ['-std=c11', '-w', '-o', exe, src] + flags,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    if r.returncode != 0:
        sys.exit('cannot build the %s printer:\n%s' % (tag, r.stdout))
    values = {}
    out = subprocess.run([exe], check=True, stdout=subprocess.PIPE, universal_newlines=True).stdout
    for line in out.splitlines():
        name, value = line.split('\t', 1)
        values[name] = value
    return values


def known_difference(name):
    for k, why in KNOWN_DIFFERENCES.items():
        if name == k or (k.endswith('_*') and name.startswith(k[:-1])):
            return why
    return None


def main():
    argv = sys.argv[1:]
    if '--' not in argv:
        sys.exit(__doc__)
    sep = argv.index('--')
    opts, compiler = argv[:sep], argv[sep + 1:]
    include_dir, constants_txt = opts[0], opts[1]
    sys_flags = []
    if '--sys-include' in opts:
        sys_include = opts[opts.index('--sys-include') + 1]
        if os.path.realpath(sys_include) != '/usr/include':  # a default directory must not be given with -I
            sys_flags = ['-I', sys_include]
    required, forbidden = [], []
    for line in open(constants_txt):
        line = line.strip()
        if line and not line.startswith('#'):
            (forbidden if line.startswith('!') else required).append(line.lstrip('!'))

    headers = sorted(h for h in os.listdir(os.path.join(include_dir, 'openssl')) if h.endswith('.h'))
    failures = []
    with tempfile.TemporaryDirectory() as work:
        macros = our_macros(compiler, include_dir, headers, work)
        names = sorted(n for n, body in macros.items() if not SKIP.match(n) and is_value(body, macros))
        names = sorted(set(names) | set(required) | set(forbidden) | set(ENUM_CONSTANTS))
        ours = run_printer(compiler, ['-I', include_dir], printer_source(headers, names, ''), work, 'ours')
        system = run_printer(compiler, sys_flags + ['-lssl', '-lcrypto'],
                             printer_source(headers, names, '#define OPENSSL_API_COMPAT 0x00908000L\n'
                                            '#define OPENSSL_SUPPRESS_DEPRECATED\n'), work, 'system')

    for n in required:
        if ours.get(n) == 'undefined':
            failures.append('%s: used by programs but not defined' % n)
    for n in forbidden:
        if ours.get(n) != 'undefined':
            failures.append('%s: must not be defined (OpenSSL 1.1.0 has no such name)' % n)
    compared = 0
    for n in names:
        a, b = ours.get(n), system.get(n)
        if a == 'undefined' or b == 'undefined':
            continue
        compared += 1
        why = known_difference(n)
        if a != b and why is None:
            failures.append('%s: nettls %s, system OpenSSL %s' % (n, a, b))
        elif a == b and why is not None and not n.endswith('_*') and n in KNOWN_DIFFERENCES:
            failures.append('%s: listed as a known difference (%s) but the values agree' % (n, why))

    for f in failures:
        print(f)
    print('constants: %d defined by nettls, %d compared with the system OpenSSL, %d required, %d failures'
          % (sum(1 for v in ours.values() if v != 'undefined'), compared, len(required), len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
