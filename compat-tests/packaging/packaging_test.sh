#!/bin/bash
# Packaging test: install the build into a temporary DESTDIR, then build programs the way users do, with
# `pkg-config --cflags --libs openssl` and with -lssl alone, and check that they run against nettls's
# libraries and never against the system OpenSSL.
#
# Environment (set by meson.build): MESON, BUILD_ROOT, SOURCE_ROOT, SOURCE_DIR, PREFIX, LIBDIR, INCLUDEDIR,
# CC (the C compiler command) and SANITIZE (the b_sanitize option: a program linked to sanitized libraries
# must carry the sanitizer runtime itself, loaded first).
set -euo pipefail

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dest="$work/destdir"

read -r -a cc <<< "$CC"
san=()
if [ -n "$SANITIZE" ] && [ "$SANITIZE" != none ]; then
    san=("-fsanitize=$SANITIZE")
fi

abs() { case "$1" in /*) echo "$1" ;; *) echo "$PREFIX/$1" ;; esac; }
libdir="$dest$(abs "${LIBDIR:?}")"
incdir="$dest$(abs "${INCLUDEDIR:?}")"

"$MESON" install -C "$BUILD_ROOT" --no-rebuild --quiet --destdir "$dest" > "$work/install.log" 2>&1 ||
    { cat "$work/install.log"; fail "meson install"; }

# What the prefix holds.
for h in ssl.h tls1.h ssl2.h ssl3.h err.h x509.h x509v3.h x509_vfy.h pem.h bio.h evp.h rand.h crypto.h \
         opensslv.h opensslconf.h ossl_typ.h e_os2.h safestack.h stack.h lhash.h objects.h obj_mac.h \
         asn1.h bn.h rsa.h dsa.h dh.h ec.h md4.h md5.h sha.h hmac.h des.h buffer.h conf.h engine.h ocsp.h \
         pkcs12.h comp.h; do
    [ -f "$incdir/openssl/$h" ] || fail "include/openssl/$h not installed"
done
for f in libssl.so libcrypto.so libnettls-ssl.so.0 libnettls-crypto.so.0 \
         pkgconfig/openssl.pc pkgconfig/libssl.pc pkgconfig/libcrypto.pc; do
    [ -e "$libdir/$f" ] || fail "$f not installed in the libdir"
done
grep -q 'INPUT(libnettls-ssl.so.0 libnettls-crypto.so.0)' "$libdir/libssl.so" ||
    fail "libssl.so is not the linker script"
grep -q 'INPUT(libnettls-crypto.so.0)' "$libdir/libcrypto.so" || fail "libcrypto.so is not the linker script"

# SONAMEs of our own, never OpenSSL's.
soname() { readelf -d "$1" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p'; }
for half in ssl crypto; do
    so="libnettls-$half.so.0"
    [ "$(soname "$libdir/$so")" = "$so" ] || fail "SONAME of $so: $(soname "$libdir/$so")"
done

# pkg-config sees only the installed .pc files; the sysroot maps their prefix into the DESTDIR.
export PKG_CONFIG_LIBDIR="$libdir/pkgconfig" PKG_CONFIG_PATH="$libdir/pkgconfig"
export PKG_CONFIG_SYSROOT_DIR="$dest"
export PKG_CONFIG_ALLOW_SYSTEM_CFLAGS=1 PKG_CONFIG_ALLOW_SYSTEM_LIBS=1
for pc in openssl libssl libcrypto; do
    [ "$(pkg-config --modversion $pc)" = 1.1.0 ] || fail "$pc.pc version: $(pkg-config --modversion $pc)"
done
cflags=$(pkg-config --cflags openssl)
libs=$(pkg-config --libs openssl)
echo "pkg-config --cflags --libs openssl: $cflags $libs"
case " $libs " in *" -L$libdir "*) ;; *) fail "--libs does not point at the installed libdir: $libs" ;; esac
case " $libs " in *" -lssl "*) ;; *) fail "--libs does not name -lssl: $libs" ;; esac
case " $libs " in *" -lcrypto "*) ;; *) fail "--libs does not name -lcrypto: $libs" ;; esac
case " $cflags " in *" -I$incdir "*) ;; *) fail "--cflags does not name the installed headers" ;; esac
case " $(pkg-config --static --libs libcrypto) " in
    *" -lnettle "*) ;;
    *) fail "libcrypto.pc lacks the Nettle libraries in Libs.private" ;;
esac

# check_program EXE: runs against the installed libraries, and neither links nor loads a system OpenSSL.
check_program() {
    local exe=$1 needed deps
    needed=$(readelf -d "$exe" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
    for half in ssl crypto; do
        echo "$needed" | grep -qx "libnettls-$half.so.0" || fail "$exe does not need libnettls-$half.so.0"
    done
    deps=$(LD_LIBRARY_PATH="$libdir" ldd "$exe")
    echo "$deps"
    for half in ssl crypto; do
        echo "$deps" | grep -q "libnettls-$half.so.0 => $libdir/" ||
            fail "$exe does not load the installed $half half"
    done
    if echo "$deps" | grep -Eq 'libssl\.so|libcrypto\.so'; then
        fail "$exe loads a system OpenSSL"
    fi
    LD_LIBRARY_PATH="$libdir" "$exe" || fail "$exe exited with $?"
}

# shellcheck disable=SC2086 # pkg-config output is a list of words
"${cc[@]}" "${san[@]}" -o "$work/prog_pkgconfig" "$SOURCE_DIR/prog_pkgconfig.c" $cflags $libs ||
    fail "cannot build with pkg-config --cflags --libs openssl"
check_program "$work/prog_pkgconfig"

"${cc[@]}" "${san[@]}" -o "$work/prog_lssl" "$SOURCE_DIR/prog_lssl.c" -I"$incdir" -L"$libdir" -lssl ||
    fail "cannot link with -lssl alone"
check_program "$work/prog_lssl"

# The same link names work in the build tree.
"${cc[@]}" "${san[@]}" -o "$work/prog_lssl_build" "$SOURCE_DIR/prog_lssl.c" -I"$SOURCE_ROOT/include" \
    -L"$BUILD_ROOT/lib/compat" -lssl || fail "cannot link with -lssl in the build tree"
LD_LIBRARY_PATH="$BUILD_ROOT/lib/compat" "$work/prog_lssl_build" || fail "the build-tree -lssl program failed"

echo "packaging: 1 passed, 0 failed"
