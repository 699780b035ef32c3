#!/bin/sh
# Regenerates the path-validation fixtures in this directory with the system openssl CLI (3.x), and records
# what `openssl verify` says about each case in expected.tsv, which verify_test.c compares with nettls.
# Name hashes for name_hash_test.c go to hashes.tsv; hashdir/ is an `openssl rehash`-style directory.
#
# Dates and serials are fixed and every verification uses -attime, so the expectations do not rot: valid
# certificates run 2024-01-01 .. 2124-01-01, the expired ones 2020-2021, the not-yet-valid ones 2100-2110.
# Keys are fresh on every run. Cases may also use the fixtures of ../make-fixtures.sh ("../name.pem").
#
# expected.tsv columns (tab-separated; '-' for empty):
#   name      case name
#   cafile    trusted certificates (one file)
#   untrusted intermediates, files separated by ',' (certificates in file order)
#   leaf      the certificate to verify
#   opts      ','-separated: host=H ip=A email=E purpose=sslserver|sslclient partial strict depth=N
#             ignore_critical noalt (OpenSSL's path only) auth=N (security level N)
#   status    OK or FAIL: what `openssl verify -attime $ATTIME ...` printed
#   errors    every "error N at D depth" line it printed, as N@D joined by ';' (its callback continues after
#             some errors); the first one is what X509_verify_cert reports without a callback
#   nettls    '=' when nettls must agree, or the result nettls gives instead ("OK", or N@D) when it finds a
#             chain OpenSSL does not (RFC 4158 path building; the same case with noalt agrees)
#
# Usage: sh make.sh            (writes into the directory holding this script)
set -eu

OUT=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export WORK
START=20240101000000Z
END=21240101000000Z
ATTIME=1750000000 # 2025-06-15T15:06:40Z

mkdir "$WORK/newcerts"
: > "$WORK/index.txt"
cat > "$WORK/ca.cnf" <<'CNF'
[ ca ]
default_ca = CA_default

[ CA_default ]
dir = $ENV::WORK
database = $dir/index.txt
new_certs_dir = $dir/newcerts
serial = $dir/serial
default_md = sha256
policy = policy_any
unique_subject = no
email_in_dn = yes
copy_extensions = none

[ policy_any ]
commonName = optional

[ req ]
distinguished_name = req_dn
string_mask = utf8only
utf8 = yes
prompt = no

[ req_dn ]
CN = unused
CNF

cat > "$WORK/ext.cnf" <<'CNF'
[ root ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ inter ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ inter_pathlen0 ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ inter_notca ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, keyCertSign, digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ inter_nocertsign ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, digitalSignature, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ inter_crit ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
1.3.6.1.4.1.55555.2 = critical, ASN1:NULL

[ inter_nonstrict ]
basicConstraints = CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ inter_serverauth ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ nc ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
nameConstraints = critical, permitted;DNS:.example.com, permitted;IP:192.168.0.0/255.255.0.0, permitted;IP:2001:db8::/ffff:ffff::, permitted;email:example.com, permitted;dirName:nc_dn, excluded;DNS:forbidden.example.com, excluded;email:boss@example.com
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ nc_dn ]
O = nettls

[ server ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = $ENV::SAN
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ client ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectAltName = $ENV::SAN
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ nosan ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ noakid ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:dup.example.com
subjectKeyIdentifier = hash
authorityKeyIdentifier = none

[ v1child ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
subjectAltName = $ENV::SAN

[ canon_ca ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[ selfleaf ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
subjectAltName = DNS:self.example.com
subjectKeyIdentifier = hash
CNF

key_rsa() { openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:$2" -out "$WORK/$1.key" 2>/dev/null; }
key_ec() { openssl genpkey -algorithm EC -pkeyopt "ec_paramgen_curve:$2" -pkeyopt ec_param_enc:named_curve \
    -out "$WORK/$1.key"; }
key_dsa() {
    openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:2048 -pkeyopt dsa_paramgen_q_bits:256 \
        -out "$WORK/dsa.param" 2>/dev/null
    openssl genpkey -paramfile "$WORK/dsa.param" -out "$WORK/$1.key"
}

# issue NAME SERIAL SUBJECT KEY ISSUER|self EXT|none MD [START END]: writes NAME.pem, signed by ISSUER's key
# (EXT none: a v1 certificate). $REQCNF may name another configuration for the request (string types).
issue() {
    printf '%04d\n' "$2" > "$WORK/serial"
    openssl req -new -config "${REQCNF:-$WORK/ca.cnf}" -key "$WORK/$4.key" -subj "$3" -utf8 -out "$WORK/req.csr"
    if [ "$5" = self ]; then
        signer="-selfsign -keyfile $WORK/$4.key"
    else
        signer="-cert $OUT/$5.pem -keyfile $WORK/$5.key"
    fi
    exts="-extfile $WORK/ext.cnf -extensions $6"
    if [ "$6" = none ]; then exts=""; fi
    # shellcheck disable=SC2086
    openssl ca -batch -config "$WORK/ca.cnf" $signer -in "$WORK/req.csr" -out "$WORK/out.pem" -md "$7" \
        -startdate "${8:-$START}" -enddate "${9:-$END}" -notext -preserveDN -utf8 $exts 2>"$WORK/ca.log" \
        || { cat "$WORK/ca.log" >&2; exit 1; }
    openssl x509 -in "$WORK/out.pem" -out "$OUT/$1.pem"
    if [ "$1" != "$4" ]; then cp "$WORK/$4.key" "$WORK/$1.key"; fi # NAME can issue in turn
}

cd "$OUT"
rm -rf ./*.pem ./hashdir expected.tsv hashes.tsv
export SAN=DNS:unused

# --- an RSA hierarchy: root, intermediates of every kind, leaves of every key type ---
key_rsa root 2048
issue root 100 "/C=US/O=nettls/CN=nettls Verify Root" root self root sha256
key_rsa inter 2048
issue inter 101 "/O=nettls/CN=nettls Verify Intermediate" inter root inter sha256
key_rsa leafkey 2048
SAN="DNS:www.example.com, DNS:example.com" issue leaf 102 "/O=nettls/CN=www.example.com" leafkey inter server sha256
SAN="DNS:direct.example.com" issue leaf-direct 103 "/O=nettls/CN=direct.example.com" leafkey root server sha256
key_rsa rsa1024 1024
SAN="DNS:rsa1024.example.com" issue leaf-rsa1024 104 "/CN=rsa1024.example.com" rsa1024 inter server sha256
key_rsa rsa4096 4096
SAN="DNS:rsa4096.example.com" issue leaf-rsa4096 105 "/CN=rsa4096.example.com" rsa4096 inter server sha512
key_dsa dsa
SAN="DNS:dsa.example.com" issue leaf-dsa 106 "/CN=dsa.example.com" dsa inter server sha256
key_ec ec256 P-256
SAN="DNS:ec256.example.com" issue leaf-ec256 107 "/CN=ec256.example.com" ec256 inter server sha256
key_ec ec384 P-384
SAN="DNS:ec384.example.com" issue leaf-ec384 108 "/CN=ec384.example.com" ec384 inter server sha384

# --- EC and DSA issuers: an EC P-384 root with a P-256 intermediate, a DSA root ---
issue root-ec 200 "/O=nettls/CN=nettls EC Root" ec384 self root sha384
issue inter-ec 201 "/O=nettls/CN=nettls EC Intermediate" ec256 root-ec inter sha384
SAN="DNS:ec.example.com" issue leaf-ec 202 "/CN=ec.example.com" leafkey inter-ec server sha256
issue root-dsa 210 "/O=nettls/CN=nettls DSA Root" dsa self root sha256
SAN="DNS:dsa-signed.example.com" issue leaf-dsasig 211 "/CN=dsa-signed.example.com" leafkey root-dsa server sha256

# --- validity: leaf, intermediate and root out of their periods ---
SAN="DNS:expired.example.com" issue leaf-expired 300 "/CN=expired.example.com" leafkey inter server sha256 \
    20200101000000Z 20210101000000Z
SAN="DNS:notyet.example.com" issue leaf-notyet 301 "/CN=notyet.example.com" leafkey inter server sha256 \
    21000101000000Z 21100101000000Z
key_rsa inter-old 2048
issue inter-expired 302 "/O=nettls/CN=nettls Expired Intermediate" inter-old root inter sha256 \
    20200101000000Z 20210101000000Z
SAN="DNS:under-expired.example.com" issue leaf-under-expired 303 "/CN=under-expired.example.com" leafkey \
    inter-expired server sha256
key_rsa root-old 2048
issue root-expired 304 "/O=nettls/CN=nettls Expired Root" root-old self root sha256 20200101000000Z 20210101000000Z
SAN="DNS:under-expired-root.example.com" issue leaf-under-expired-root 305 "/CN=under-expired-root.example.com" \
    leafkey root-expired server sha256

# --- host names, IP addresses, e-mail, purposes ---
SAN="DNS:*.example.com" issue leaf-wildcard 400 "/CN=*.example.com" leafkey inter server sha256
SAN="IP:192.0.2.1, IP:2001:db8::1" issue leaf-ip 401 "/CN=192.0.2.1" leafkey inter server sha256
issue leaf-cn 402 "/O=nettls/CN=cn-only.example.com" leafkey inter nosan sha256
SAN="email:alice@example.com" issue leaf-client 403 "/CN=Alice/emailAddress=alice@example.com" leafkey inter \
    client sha256

# --- CA markings: path length, CA:FALSE, no keyCertSign, unknown critical extension, v1 ---
key_rsa inter0 2048
issue inter-pathlen0 500 "/O=nettls/CN=nettls Pathlen0 Intermediate" inter0 root inter_pathlen0 sha256
key_rsa inter2 2048
issue inter-below0 501 "/O=nettls/CN=nettls Below Pathlen0" inter2 inter-pathlen0 inter sha256
SAN="DNS:deep.example.com" issue leaf-deep 502 "/CN=deep.example.com" leafkey inter-below0 server sha256
key_rsa notca 2048
issue inter-notca 510 "/O=nettls/CN=nettls Not A CA" notca root inter_notca sha256
SAN="DNS:under-notca.example.com" issue leaf-under-notca 511 "/CN=under-notca.example.com" leafkey inter-notca \
    server sha256
key_rsa nocs 2048
issue inter-nocertsign 520 "/O=nettls/CN=nettls No CertSign" nocs root inter_nocertsign sha256
SAN="DNS:under-nocs.example.com" issue leaf-under-nocs 521 "/CN=under-nocs.example.com" leafkey \
    inter-nocertsign server sha256
key_rsa crit 2048
issue inter-crit 530 "/O=nettls/CN=nettls Critical Intermediate" crit root inter_crit sha256
SAN="DNS:under-crit.example.com" issue leaf-under-crit 531 "/CN=under-crit.example.com" leafkey inter-crit \
    server sha256
key_rsa nonstrict 2048
issue inter-nonstrict 540 "/O=nettls/CN=nettls Noncritical BC" nonstrict root inter_nonstrict sha256
SAN="DNS:under-nonstrict.example.com" issue leaf-under-nonstrict 541 "/CN=under-nonstrict.example.com" leafkey \
    inter-nonstrict server sha256
key_rsa eku 2048
issue inter-serverauth 550 "/O=nettls/CN=nettls ServerAuth Intermediate" eku root inter_serverauth sha256
SAN="email:bob@example.com" issue leaf-client-under-sa 551 "/CN=Bob" leafkey inter-serverauth client sha256
key_rsa v1root 2048
issue root-v1 560 "/O=nettls/CN=nettls v1 Root" v1root self none sha256
SAN="DNS:v1.example.com" issue leaf-under-v1 561 "/CN=v1.example.com" leafkey root-v1 v1child sha256

# --- name constraints ---
key_rsa nc 2048
issue inter-nc 600 "/O=nettls/CN=nettls Constrained" nc root nc sha256
SAN="DNS:www.example.com, IP:192.168.1.10, email:alice@example.com" \
    issue leaf-nc-ok 601 "/O=nettls/CN=www.example.com" leafkey inter-nc server sha256
SAN="DNS:forbidden.example.com" issue leaf-nc-excluded 602 "/O=nettls/CN=forbidden" leafkey inter-nc server sha256
SAN="DNS:www.other.org" issue leaf-nc-dns 603 "/O=nettls/CN=other" leafkey inter-nc server sha256
SAN="DNS:ip.example.com, IP:10.0.0.1" issue leaf-nc-ip 604 "/O=nettls/CN=ip" leafkey inter-nc server sha256
SAN="DNS:ip6.example.com, IP:2001:db8::5" issue leaf-nc-ip6 605 "/O=nettls/CN=ip6" leafkey inter-nc server sha256
SAN="DNS:mail.example.com, email:boss@example.com" issue leaf-nc-email 606 "/O=nettls/CN=boss" leafkey inter-nc \
    server sha256
SAN="DNS:dn.example.com" issue leaf-nc-dn 607 "/O=Other Org/CN=dn" leafkey inter-nc server sha256
issue leaf-nc-cn 608 "/O=nettls/CN=www.other.org" leafkey inter-nc nosan sha256

# --- cross-signed roots: B is a root of its own and is also certified by A ---
key_rsa rootA 2048
issue rootA 700 "/O=nettls/CN=nettls Root A" rootA self root sha256
key_rsa rootB 2048
issue rootB 701 "/O=nettls/CN=nettls Root B" rootB self root sha256
printf '%04d\n' 702 > "$WORK/serial"
openssl req -new -config "$WORK/ca.cnf" -key "$WORK/rootB.key" -subj "/O=nettls/CN=nettls Root B" -out "$WORK/req.csr"
openssl ca -batch -config "$WORK/ca.cnf" -cert "$OUT/rootA.pem" -keyfile "$WORK/rootA.key" -in "$WORK/req.csr" \
    -out "$WORK/out.pem" -md sha256 -startdate "$START" -enddate "$END" -notext -preserveDN -utf8 \
    -extfile "$WORK/ext.cnf" -extensions inter 2>"$WORK/ca.log"
openssl x509 -in "$WORK/out.pem" -out "$OUT/rootB-by-A.pem"
SAN="DNS:cross.example.com" issue leaf-cross 703 "/CN=cross.example.com" leafkey rootB server sha256
cat "$OUT/rootB.pem" "$OUT/rootB-by-A.pem" > "$OUT/rootB-both.pem"

# --- two issuers with one name; the leaf has no AKID, so only the signature tells them apart ---
key_rsa dup1 2048
issue dup1 800 "/O=nettls/CN=nettls Dup CA" dup1 self root sha256
key_rsa dup2 2048
issue dup2 801 "/O=nettls/CN=nettls Dup CA" dup2 self root sha256
issue leaf-dup 802 "/CN=dup.example.com" leafkey dup2 noakid sha256
cat "$OUT/dup1.pem" "$OUT/dup2.pem" > "$OUT/dup-both.pem"

# --- names compared canonically: the leaf's issuer differs from the anchor's subject in case, spacing and
#     string type only (the issuing certificate has the same key as the anchor) ---
cp "$WORK/root.key" "$WORK/canon.key"
issue canon-anchor 900 "/O=nettls/CN=Canon   Test  CA" canon self canon_ca sha256
sed 's/^string_mask = .*/string_mask = default/' "$WORK/ca.cnf" > "$WORK/printable.cnf"
REQCNF="$WORK/printable.cnf" issue canon-issuer 901 "/O=NETTLS/CN=canon test ca" canon self canon_ca sha256
SAN="DNS:canon.example.com" issue leaf-canon 902 "/CN=canon.example.com" leafkey canon-issuer server sha256
rm "$OUT/canon-issuer.pem"

# --- self-signed leaf, a bad signature ---
issue leaf-self 950 "/CN=self.example.com" leafkey self selfleaf sha256
# flip one bit near the end of the signature of a copy of leaf.pem
openssl x509 -in "$OUT/leaf.pem" -outform DER -out "$WORK/leaf.der"
python3 - "$WORK/leaf.der" "$WORK/badsig.der" <<'PY'
import sys
d = bytearray(open(sys.argv[1], 'rb').read())
d[-5] ^= 0x01
open(sys.argv[2], 'wb').write(d)
PY
openssl x509 -inform DER -in "$WORK/badsig.der" -out "$OUT/leaf-badsig.pem"

# --- names for hashing: mixed case and spaces, multi-valued RDNs, every string type ---
cat > "$WORK/names.cnf" <<'CNF'
[ req ]
distinguished_name = dn
prompt = no
string_mask = default
utf8 = yes
[ dn ]
CN = unused
CNF
name_cert() { # name_cert FILE SUBJECT [MASK]
    sed "s/^string_mask = .*/string_mask = ${3:-default}/" "$WORK/names.cnf" > "$WORK/n.cnf"
    openssl req -new -x509 -config "$WORK/n.cnf" -key "$WORK/leafkey.key" -subj "$2" -utf8 -multivalue-rdn \
        -days 36500 -set_serial 999 -out "$OUT/$1" 2>/dev/null
}
name_cert name-mixed.pem "/C=US/O=  NeTTLS   Mixed  Case /OU=Tab	Separated/CN=MiXeD CaSe"
name_cert name-multi.pem "/O=nettls/CN=multi+UID=7+emailAddress=Multi@Example.COM/OU=z+OU=a"
name_cert name-t61.pem "/O=Société Générale/CN=t61 string"
name_cert name-bmp.pem "/O=Ωmega Ltd/CN=bmp string"
name_cert name-utf8.pem "/O=Société Générale/CN=ΩMEGA UTF8" utf8only
name_cert name-numeric.pem "/C=DE/O=nettls/CN=ascii only"
openssl req -new -x509 -key "$WORK/leafkey.key" -subj "/" -days 36500 -set_serial 998 \
    -addext "subjectAltName=DNS:empty.example.com" -out "$OUT/name-empty.pem" 2>/dev/null
for f in name-*.pem root.pem inter.pem leaf.pem rootB-by-A.pem ../ca-rsa.pem ../v1.pem ../rsa-4096.pem \
    ../client-rsa.pem ../wildcard.pem; do
    printf '%s\t%s\t%s\n' "$f" "$(openssl x509 -in "$f" -noout -subject_hash)" \
        "$(openssl x509 -in "$f" -noout -subject_hash_old)" >> hashes.tsv
done

# --- a hashed directory as `openssl rehash` lays it out (copies, not links) ---
mkdir hashdir
for f in root.pem inter.pem dup1.pem dup2.pem rootA.pem; do
    h=$(openssl x509 -in "$f" -noout -hash)
    n=0
    while [ -e "hashdir/$h.$n" ]; do n=$((n + 1)); done
    cp "$f" "hashdir/$h.$n"
done

# --- the cases: what openssl verify says ---
# vcase NAME CAFILE UNTRUSTED LEAF OPTS [NETTLS]
vcase() {
    set -- "$1" "$2" "$3" "$4" "$5" "${6:-=}"
    args="-attime $ATTIME"
    if [ "$2" != - ]; then args="$args -CAfile $2"; fi
    if [ "$3" != - ]; then
        : > "$WORK/untrusted.pem"
        for u in $(printf '%s' "$3" | tr ',' ' '); do cat "$u" >> "$WORK/untrusted.pem"; done
        args="$args -untrusted $WORK/untrusted.pem"
    fi
    for o in $(printf '%s' "$5" | tr ',' ' '); do
        case "$o" in
        -) ;;
        host=*) args="$args -verify_hostname ${o#host=}" ;;
        ip=*) args="$args -verify_ip ${o#ip=}" ;;
        email=*) args="$args -verify_email ${o#email=}" ;;
        purpose=*) args="$args -purpose ${o#purpose=}" ;;
        partial) args="$args -partial_chain" ;;
        strict) args="$args -x509_strict" ;;
        depth=*) args="$args -verify_depth ${o#depth=}" ;;
        ignore_critical) args="$args -ignore_critical" ;;
        noalt) args="$args -no_alt_chains" ;;
        auth=*) args="$args -auth_level ${o#auth=}" ;;
        *) echo "unknown option $o" >&2; exit 1 ;;
        esac
    done
    # shellcheck disable=SC2086
    if openssl verify $args "$4" > "$WORK/out" 2> "$WORK/err" && grep -q ': OK$' "$WORK/out"; then
        status=OK
    else
        status=FAIL
    fi
    errs=$(sed -n 's/^error \([0-9]*\) at \([0-9]*\) depth lookup.*/\1@\2/p' "$WORK/err" | paste -sd ';' -)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$status" "${errs:--}" "$6" >> expected.tsv
}

printf '# name\tcafile\tuntrusted\tleaf\topts\tstatus\terrors\tnettls\n' > expected.tsv
vcase chain root.pem inter.pem leaf.pem host=www.example.com
vcase chain-purpose root.pem inter.pem leaf.pem purpose=sslserver,host=example.com
vcase direct root.pem - leaf-direct.pem -
vcase no-intermediate root.pem - leaf.pem -
vcase no-anchor - inter.pem leaf.pem -
vcase anchor-only-inter inter.pem - leaf.pem -
vcase partial inter.pem - leaf.pem partial
vcase partial-leaf leaf.pem - leaf.pem partial
vcase rsa1024 root.pem inter.pem leaf-rsa1024.pem -
vcase rsa4096 root.pem inter.pem leaf-rsa4096.pem -
vcase dsa-key root.pem inter.pem leaf-dsa.pem -
vcase ec256-key root.pem inter.pem leaf-ec256.pem -
vcase ec384-key root.pem inter.pem leaf-ec384.pem -
vcase ec-chain root-ec.pem inter-ec.pem leaf-ec.pem host=ec.example.com
vcase dsa-signed root-dsa.pem - leaf-dsasig.pem -
vcase old-dsa-sha1 ../dsa-2048.pem - ../sig-dsa-sha1.pem -
vcase old-ecdsa-sha512 ../ec-p256.pem - ../sig-ecdsa-sha512.pem -
vcase old-rsa-md5 ../ca-rsa.pem - ../sig-rsa-md5.pem -
vcase old-v1-leaf ../ca-rsa.pem - ../v1.pem -
vcase old-inter ../ca-rsa.pem ../inter-ca.pem ../leaf-inter.pem host=leaf.example.com
vcase old-crit ../ca-rsa.pem - ../crit-unknown.pem -
vcase old-crit-ignored ../ca-rsa.pem - ../crit-unknown.pem ignore_critical
vcase old-self-ec ../ec-p384.pem - ../ec-p384.pem host=localhost
vcase old-self-untrusted - - ../ec-p256.pem -
vcase trusted-aux ../ca-rsa-trusted.pem - ../server-rsa.pem -
vcase trusted-aux-server ../ca-rsa-trusted.pem - ../server-rsa.pem purpose=sslserver
vcase trusted-aux-client ../ca-rsa-trusted.pem - ../client-rsa.pem purpose=sslclient
vcase expired root.pem inter.pem leaf-expired.pem -
vcase notyet root.pem inter.pem leaf-notyet.pem -
vcase expired-inter root.pem inter-expired.pem leaf-under-expired.pem -
vcase expired-root root-expired.pem - leaf-under-expired-root.pem -
vcase expired-and-wrong-host root.pem inter.pem leaf-expired.pem host=www.example.com
vcase wrong-host root.pem inter.pem leaf.pem host=mail.example.com
vcase host-second-san root.pem inter.pem leaf.pem host=EXAMPLE.com
vcase host-subdomain root.pem inter.pem leaf.pem host=.example.com
vcase wildcard root.pem inter.pem leaf-wildcard.pem host=foo.example.com
vcase wildcard-two-labels root.pem inter.pem leaf-wildcard.pem host=a.b.example.com
vcase wildcard-apex root.pem inter.pem leaf-wildcard.pem host=example.com
vcase ip4 root.pem inter.pem leaf-ip.pem ip=192.0.2.1
vcase ip6 root.pem inter.pem leaf-ip.pem ip=2001:db8:0:0::1
vcase ip-mismatch root.pem inter.pem leaf-ip.pem ip=192.0.2.2
vcase ip-not-host root.pem inter.pem leaf-ip.pem host=192.0.2.1
vcase cn-fallback root.pem inter.pem leaf-cn.pem host=cn-only.example.com
vcase cn-not-with-san root.pem inter.pem leaf.pem host=nettls
vcase email root.pem inter.pem leaf-client.pem email=alice@example.com,purpose=sslclient
vcase email-mismatch root.pem inter.pem leaf-client.pem email=Alice@example.com
vcase client-as-server root.pem inter.pem leaf-client.pem purpose=sslserver
vcase server-as-client root.pem inter.pem leaf.pem purpose=sslclient
vcase inter-eku-client root.pem inter-serverauth.pem leaf-client-under-sa.pem purpose=sslclient
vcase pathlen-exceeded root.pem inter-pathlen0.pem,inter-below0.pem leaf-deep.pem -
vcase depth-0 root.pem inter.pem leaf.pem depth=0
vcase depth-1 root.pem inter.pem leaf.pem depth=1
vcase ca-false-inter root.pem inter-notca.pem leaf-under-notca.pem -
vcase no-certsign-inter root.pem inter-nocertsign.pem leaf-under-nocs.pem -
vcase crit-inter root.pem inter-crit.pem leaf-under-crit.pem -
vcase noncritical-bc root.pem inter-nonstrict.pem leaf-under-nonstrict.pem -
vcase noncritical-bc-strict root.pem inter-nonstrict.pem leaf-under-nonstrict.pem strict
vcase v1-root root-v1.pem - leaf-under-v1.pem -
vcase v1-root-strict root-v1.pem - leaf-under-v1.pem strict
vcase nc-ok root.pem inter-nc.pem leaf-nc-ok.pem host=www.example.com,ip=192.168.1.10,email=alice@example.com
vcase nc-excluded root.pem inter-nc.pem leaf-nc-excluded.pem -
vcase nc-dns root.pem inter-nc.pem leaf-nc-dns.pem -
vcase nc-ip root.pem inter-nc.pem leaf-nc-ip.pem -
vcase nc-ip6 root.pem inter-nc.pem leaf-nc-ip6.pem -
vcase nc-email root.pem inter-nc.pem leaf-nc-email.pem -
vcase nc-dirname root.pem inter-nc.pem leaf-nc-dn.pem -
vcase nc-cn root.pem inter-nc.pem leaf-nc-cn.pem -
vcase old-nc-anchor ../name-constraints.pem - ../server-rsa.pem partial
vcase cross-via-a rootA.pem rootB-by-A.pem leaf-cross.pem host=cross.example.com
vcase cross-b-trusted rootB.pem rootB-by-A.pem leaf-cross.pem -
vcase cross-both-untrusted rootA.pem rootB-both.pem leaf-cross.pem - OK
vcase cross-both-untrusted-noalt rootA.pem rootB-both.pem leaf-cross.pem noalt
vcase dup-name dup-both.pem - leaf-dup.pem - OK
vcase dup-name-noalt dup-both.pem - leaf-dup.pem noalt
vcase dup-name-right dup2.pem - leaf-dup.pem -
vcase canon-names canon-anchor.pem - leaf-canon.pem -
vcase self-signed-leaf - - leaf-self.pem -
vcase self-signed-trusted leaf-self.pem - leaf-self.pem -
vcase self-signed-in-chain - inter.pem,root.pem leaf.pem -
vcase bad-signature root.pem inter.pem leaf-badsig.pem -
vcase unknown-issuer rootA.pem inter.pem leaf.pem -
vcase auth-rsa1024-level1 root.pem inter.pem leaf-rsa1024.pem auth=1
vcase auth-rsa1024-level2 root.pem inter.pem leaf-rsa1024.pem auth=2
vcase auth-md5-level1 ../ca-rsa.pem - ../sig-rsa-md5.pem auth=1
vcase auth-dsa-sha1-level1 ../dsa-2048.pem - ../sig-dsa-sha1.pem auth=1
vcase auth-ec-level2 root-ec.pem inter-ec.pem leaf-ec.pem auth=2
vcase auth-ec-level3 root-ec.pem inter-ec.pem leaf-ec.pem auth=3
vcase auth-inter-level3 root.pem inter.pem leaf-ec384.pem auth=3

echo "fixtures written to $OUT"
