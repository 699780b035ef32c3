#!/usr/bin/env python3
"""Export check: include/openssl declares exactly what the two libraries export.

usage: check_exports.py INCLUDE_DIR --lib LIB MAP [--lib LIB MAP ...] [--nm NM] -- COMPILER [ARGS...]

- every function declared in include/openssl is exported by one of the libraries, and every exported name
  is declared (a header may declare only what the libraries export);
- no library exports an internal ntls_ name, and no name is exported by both;
- each library exports exactly the names its version script lists;
- every macro that expands to a call calls a declared function (so an OpenSSL function-like macro is only
  defined when the function it expands to is exported), and a macro that aliases a function by name
  (#define SSLeay OpenSSL_version_num) names a declared one."""
import os
import re
import subprocess
import sys
import tempfile

KEYWORDS = set('''auto break case char const continue default do double else enum extern float for goto if
inline int long register restrict return short signed sizeof static struct switch typedef union unsigned void
volatile while _Bool _Generic _Static_assert _Alignas _Alignof _Noreturn _Thread_local'''.split())
SYSTEM_NAMES = {'ssize_t', 'SSIZE_MAX', 'NULL'}
CALL = re.compile(r'\b([A-Za-z_]\w*)\s*\(')
IDENT = re.compile(r'\b[A-Za-z_]\w*\b')


def preprocess(compiler, include_dir, work, keep_defines):
    headers = sorted(h for h in os.listdir(os.path.join(include_dir, 'openssl')) if h.endswith('.h'))
    src = os.path.join(work, 'all.c')
    with open(src, 'w') as f:
        f.write(''.join('#include <openssl/%s>\n' % h for h in headers))
    flags = ['-E', '-dD'] if keep_defines else ['-E']
    out = subprocess.run(compiler + flags + ['-I', include_dir, src], check=True, stdout=subprocess.PIPE,
                         universal_newlines=True).stdout
    ours = os.path.join(os.path.realpath(include_dir), 'openssl') + os.sep
    current, kept = '', []
    for line in out.splitlines():
        m = re.match(r'^# \d+ "([^"]+)"', line)
        if m:
            current = os.path.realpath(m.group(1)) if not m.group(1).startswith('<') else ''
        elif current.startswith(ours):
            kept.append(line)
    return kept


def declarations(lines):
    """Top-level statements of our headers: (declared functions, declared variables, typedef names)."""
    text = re.sub(r'"([^"\\]|\\.)*"', '""', ' '.join(lines))
    funcs, variables, typedefs = set(), set(), set()
    depth, stmt = 0, ''
    for ch in text:
        if ch == '{':
            depth += 1
        elif ch == '}':
            depth -= 1
        elif ch == ';' and depth == 0:
            s = stmt.strip()
            stmt = ''
            if s.startswith('typedef'):
                m = re.search(r'\(\s*\*\s*(\w+)\s*\)', s) or re.search(r'(\w+)\s*(\[[^\]]*\]\s*)*$', s)
                if m:
                    typedefs.add(m.group(1))
                continue
            if '{' in s:
                continue
            calls = [n for n in CALL.findall(s) if n not in KEYWORDS and not n.startswith('__')]
            if calls:
                funcs.add(calls[0])
            elif s.startswith('extern'):
                variables.add(IDENT.findall(s)[-1])
            continue
        stmt += ch if depth == 0 else ''
    return funcs, variables, typedefs


def macros(lines):
    """name -> (parameters or None, body) for the #defines of our headers."""
    out = {}
    for line in lines:
        m = re.match(r'^#define (\w+)(\(([^)]*)\))?\s*(.*)$', line)
        if m:
            params = [p.strip() for p in m.group(3).split(',')] if m.group(2) else None
            out[m.group(1)] = (params, re.sub(r'"([^"\\]|\\.)*"', '""', m.group(4)))
    return out


def exported(nm, lib):
    out = subprocess.run([nm, '-D', '--defined-only', lib], check=True, stdout=subprocess.PIPE,
                         universal_newlines=True).stdout
    names = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] != 'A':  # 'A': the version node itself
            names[parts[2].split('@')[0]] = parts[1]
    return names


def map_names(path):
    text = re.sub(r'/\*.*?\*/', '', open(path).read(), flags=re.S)
    glob = re.search(r'global:(.*?)local:', text, re.S)
    return set(n for n in re.findall(r'([A-Za-z_]\w*)\s*;', glob.group(1))) if glob else set()


def main():
    argv = sys.argv[1:]
    if '--' not in argv:
        sys.exit(__doc__)
    sep = argv.index('--')
    opts, compiler = argv[:sep], argv[sep + 1:]
    include_dir = opts[0]
    nm = opts[opts.index('--nm') + 1] if '--nm' in opts else 'nm'
    libs = [(opts[i + 1], opts[i + 2]) for i, o in enumerate(opts) if o == '--lib']
    failures = []

    with tempfile.TemporaryDirectory() as work:
        funcs, variables, typedefs = declarations(preprocess(compiler, include_dir, work, False))
        defs = macros(preprocess(compiler, include_dir, work, True))

    exports, owner = {}, {}
    for lib, mapfile in libs:
        names = exported(nm, lib)
        base = os.path.basename(lib)
        for n in names:
            if n in owner:
                failures.append('%s: exported by both %s and %s' % (n, owner[n], base))
            owner[n] = base
        exports.update(names)
        listed = map_names(mapfile)
        for n in sorted(listed - set(names)):
            failures.append('%s: listed in %s but not exported by %s' % (n, os.path.basename(mapfile), base))
        for n in sorted(set(names) - listed):
            failures.append('%s: exported by %s but not listed in %s' % (n, base, os.path.basename(mapfile)))

    for n in sorted(exports):
        if n.lower().startswith('ntls_'):
            failures.append('%s: internal name exported by %s' % (n, owner[n]))
        elif n not in funcs and n not in variables:
            failures.append('%s: exported by %s but declared in no header' % (n, owner[n]))
    for n in sorted(funcs | variables):
        if n not in exports:
            failures.append('%s: declared in include/openssl but exported by neither library' % n)

    for name, (params, body) in sorted(defs.items()):
        allowed = funcs | set(defs) | KEYWORDS | set(params or [])
        for called in CALL.findall(body):
            if called not in allowed and not called.startswith('__'):
                failures.append('macro %s calls %s, which is not an exported function' % (name, called))
        words = IDENT.findall(body)
        if params is None and len(words) == 1 and body.strip() == words[0]:
            w = words[0]
            known = funcs | set(defs) | KEYWORDS | typedefs | SYSTEM_NAMES
            if w not in known and not w.startswith('__'):
                failures.append('macro %s names %s, which is neither declared nor defined' % (name, w))

    for f in failures:
        print(f)
    print('exports: %d exported, %d functions declared, %d macros checked, %d failures'
          % (len(exports), len(funcs), len(defs), len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
