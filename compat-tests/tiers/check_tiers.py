#!/usr/bin/env python3
"""Tier check: every name of tier 0 and tier 1 (../shared/api, the calls real programs make) is provided.

usage: check_tiers.py API_DIR INCLUDE_DIR --lib LIB [--lib LIB ...] [--nm NM] [--sys-include DIR]
                      -- COMPILER [ARGS...]

- F (function): exported by one of the libraries (nm -D --defined-only) and declared in include/openssl;
- FM (a function-like macro in OpenSSL): a macro after preprocessing the headers, or an exported and
  declared function;
- K (constant): defined, with OpenSSL 1.1.0's value. The value is compared with the installed OpenSSL
  (3.x, --sys-include) except for the known 1.1.0/3.x differences below, which must carry the 1.1.0 value.
  Names 1.1.0 does not have must not be defined at all.
Allowed omissions, as in an OpenSSL 1.1.0 build configured without them: the SSLv2 methods when the
headers define OPENSSL_NO_SSL2, the SSLv3 methods with OPENSSL_NO_SSL3_METHOD, RAND_egd* with
OPENSSL_NO_EGD. Missing tier files are a failure: the check must not pass vacuously."""
import os
import re
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'exports'))
sys.path.insert(0, os.path.join(HERE, '..', 'headers'))
import check_constants  # noqa: E402  (printer of constant values, the known 1.1.0/3.x differences)
import check_exports  # noqa: E402  (header declarations and macros, nm -D)

TIERS = ['tier0.tsv', 'tier1.tsv']

# Constants whose 1.1.0 value differs from OpenSSL 3's: the value nettls must carry, and why.
VALUES_110 = {
    'SSL_OP_ALL': ('i:2147485780', '0x80000854: 1.1.0 includes SSL_OP_LEGACY_SERVER_CONNECT, 3.0 dropped it'),
}

# Constants that do not exist in 1.1.0 and must stay undefined (programs switch TLS 1.3 and kTLS code on
# when they see them; ../shared/api/README.md).
NOT_IN_110 = {
    'TLS1_3_VERSION': 'TLS 1.3 arrived in 1.1.1',
    'SSL_OP_NO_TLSv1_3': 'TLS 1.3 arrived in 1.1.1',
    'SSL_OP_ENABLE_KTLS': 'kTLS arrived in 3.0',
}

# name pattern -> the opensslconf.h macro under which an OpenSSL 1.1.0 build leaves it out
OPTIONAL = [
    (re.compile(r'^SSLv2_(client_|server_)?method$'), 'OPENSSL_NO_SSL2'),
    (re.compile(r'^SSLv3_(client_|server_)?method$'), 'OPENSSL_NO_SSL3_METHOD'),
    (re.compile(r'^RAND_(egd|egd_bytes|query_egd_bytes)$'), 'OPENSSL_NO_EGD'),
]


def read_tiers(api_dir):
    rows, failures = [], []
    for t in TIERS:
        path = os.path.join(api_dir, t)
        if not os.path.isfile(path):
            failures.append('%s: missing (the tier lists live in shared/api beside the source tree)' % path)
            continue
        for line in open(path):
            if line.startswith('#') or not line.strip():
                continue
            cols = line.rstrip('\n').split('\t')
            rows.append((t.split('.')[0], cols[0], cols[1], cols[2] if len(cols) > 2 else ''))
    return rows, failures


def optional_reason(name, defs):
    for pattern, macro in OPTIONAL:
        if pattern.match(name) and macro in defs:
            return macro
    return None


def check_callable(name, kind, exports, funcs, defs):
    """None when provided, else why not."""
    is_func = name in exports and name in funcs
    if kind == 'F':
        if is_func:
            return None
        if name in defs and defs[name][0] is not None:
            return 'a macro, not an exported function'
        if name in exports:
            return 'exported but declared in no header'
        if name in funcs:
            return 'declared but exported by neither library'
        return 'not provided'
    if name in defs or is_func:
        return None
    return 'neither a macro nor an exported function'


def constant_values(names, include_dir, compiler, sys_flags):
    headers = sorted(h for h in os.listdir(os.path.join(include_dir, 'openssl')) if h.endswith('.h'))
    with tempfile.TemporaryDirectory() as work:
        ours = check_constants.run_printer(compiler, ['-I', include_dir],
                                           check_constants.printer_source(headers, names, ''), work, 'ours')
        system = None
        if sys_flags is not None:
            extra = '#define OPENSSL_API_COMPAT 0x00908000L\n#define OPENSSL_SUPPRESS_DEPRECATED\n'
            system = check_constants.run_printer(compiler, sys_flags + ['-lssl', '-lcrypto'],
                                                 check_constants.printer_source(headers, names, extra),
                                                 work, 'system')
    return ours, system


def check_constant(name, ours, system):
    """(problem or None, note or None)"""
    a = ours.get(name, 'undefined')
    if name in NOT_IN_110:
        if a != 'undefined':
            return 'defined, but OpenSSL 1.1.0 has no such name (%s)' % NOT_IN_110[name], None
        return None, 'left undefined: %s' % NOT_IN_110[name]
    if a == 'undefined':
        return 'not defined', None
    if name in VALUES_110:
        want, why = VALUES_110[name]
        if a != want:
            return 'nettls %s, OpenSSL 1.1.0 %s (%s)' % (a, want, why), None
        return None, 'known 1.1.0/3.x difference: %s' % why
    if system is None:
        return None, None
    b = system.get(name, 'undefined')
    if b == 'undefined':
        return 'the installed OpenSSL does not define it; add its 1.1.0 value to VALUES_110', None
    if a != b:
        why = check_constants.known_difference(name)
        if why is None:
            return 'nettls %s, OpenSSL %s' % (a, b), None
        return 'nettls %s, OpenSSL 3 %s (%s): add the 1.1.0 value to VALUES_110' % (a, b, why), None
    return None, None


def main():
    argv = sys.argv[1:]
    if '--' not in argv or len(argv) < 3:
        sys.exit(__doc__)
    sep = argv.index('--')
    opts, compiler = argv[:sep], argv[sep + 1:]
    api_dir, include_dir = opts[0], opts[1]
    nm = opts[opts.index('--nm') + 1] if '--nm' in opts else 'nm'
    libs = [opts[i + 1] for i, o in enumerate(opts) if o == '--lib']
    sys_flags = None
    if '--sys-include' in opts:
        sys_include = opts[opts.index('--sys-include') + 1]
        sys_flags = [] if os.path.realpath(sys_include) == '/usr/include' else ['-I', sys_include]

    rows, failures = read_tiers(api_dir)
    exports = {}
    for lib in libs:
        exports.update(check_exports.exported(nm, lib))
    with tempfile.TemporaryDirectory() as work:
        funcs, variables, _ = check_exports.declarations(check_exports.preprocess(compiler, include_dir, work,
                                                                                  False))
        defs = check_exports.macros(check_exports.preprocess(compiler, include_dir, work, True))

    notes, missing_by_lib = [], {}
    constants = sorted(set(r[1] for r in rows if r[2] == 'K'))
    ours, system = constant_values(constants, include_dir, compiler, sys_flags) if constants else ({}, None)
    for tier, name, kind, lib in rows:
        if kind == 'K':
            problem, note = check_constant(name, ours, system)
        else:
            problem, note = check_callable(name, kind, exports, funcs | variables, defs), None
            reason = optional_reason(name, defs)
            if problem is not None and reason is not None:
                problem, note = None, 'left out: %s is defined, as in a 1.1.0 build without it' % reason
        if note:
            notes.append('%s %-2s %s: %s' % (tier, kind, name, note))
        if problem:
            failures.append('%s %-2s %-14s %s: %s' % (tier, kind, lib or '-', name, problem))
            missing_by_lib.setdefault(lib.split('(')[0] or 'constant', []).append(name)

    for n in notes:
        print('note: ' + n)
    for f in failures:
        print('FAIL: ' + f)
    for lib, names in sorted(missing_by_lib.items()):
        print('missing %s names (%d): %s' % (lib, len(names), ' '.join(names)))
    if system is None:
        print('note: no system OpenSSL: constants were checked for presence and the listed 1.1.0 values only')
    unprovided = sum(len(v) for v in missing_by_lib.values())
    print('tiers: %d names checked, %d provided, %d failures' % (len(rows), len(rows) - unprovided,
                                                                  len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
