#!/bin/sh
# Regenerates the X.509 test fixtures in this directory with the system openssl CLI (3.x).
#
# Dates and serial numbers are fixed (openssl ca -startdate/-enddate, a serial file written before each
# certificate), so the expected values hard-coded in lib/x509/tests/*_test.c stay true after a regeneration;
# only keys, key identifiers and signatures change. Valid certificates run 2024-01-01 .. 2124-01-01 (UTCTime
# then GeneralizedTime), the expired one 2000-2001 and the not-yet-valid one 2100-2110. Passphrase: "nettls".
#
# Usage: sh make-fixtures.sh            (writes into the directory holding this script)
set -eu

OUT=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export WORK
PASS=pass:nettls
START=20240101000000Z
END=21240101000000Z

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
[ ca_ext ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ inter_ext ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign, digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ selfsigned_ext ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, digitalSignature, keyCertSign
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ server_ext ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ client_ext ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth, emailProtection
subjectAltName = email:client@example.com
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ leaf_ext ]
basicConstraints = CA:FALSE
keyUsage = digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ wildcard_ext ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:*.example.com, DNS:example.com, URI:https://example.com/, IP:::1
certificatePolicies = 2.23.140.1.2.1
crlDistributionPoints = URI:http://crl.example.com/ca.crl
authorityInfoAccess = OCSP;URI:http://ocsp.example.com/, caIssuers;URI:http://ca.example.com/ca.crt
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ nc_ext ]
basicConstraints = critical, CA:TRUE, pathlen:1
keyUsage = critical, keyCertSign, cRLSign
nameConstraints = critical, permitted;DNS:.example.com, permitted;IP:192.168.0.0/255.255.0.0, permitted;email:example.com, excluded;DNS:forbidden.example.com
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ crit_ext ]
basicConstraints = CA:FALSE
1.3.6.1.4.1.55555.1 = critical, ASN1:UTF8String:nettls
subjectKeyIdentifier = hash
CNF

key_rsa() { openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:$2" -out "$1" 2>/dev/null; }
key_ec() { openssl genpkey -algorithm EC -pkeyopt "ec_paramgen_curve:$2" -pkeyopt ec_param_enc:named_curve \
    -out "$1"; }

# issue OUT.pem SERIAL SUBJECT SUBJECT_KEY ISSUER_CERT|self ISSUER_KEY EXT_SECTION|none MD [START END]
issue() {
    printf '%s\n' "$2" > "$WORK/serial"
    openssl req -new -config "$WORK/ca.cnf" -key "$4" -subj "$3" -out "$WORK/req.csr"
    set -- "$@" "${9:-$START}" "${10:-$END}"
    if [ "$5" = self ]; then
        signer="-selfsign"
    else
        signer="-cert $5"
    fi
    if [ "$7" = none ]; then
        exts=""
    else
        exts="-extfile $WORK/ext.cnf -extensions $7"
    fi
    # shellcheck disable=SC2086
    openssl ca -batch -config "$WORK/ca.cnf" $signer -keyfile "$6" -in "$WORK/req.csr" -out "$WORK/out.pem" \
        -md "$8" -startdate "$9" -enddate "${10}" -notext -preserveDN -utf8 $exts 2>"$WORK/ca.log" || { cat "$WORK/ca.log" >&2; exit 1; }
    openssl x509 -in "$WORK/out.pem" -out "$OUT/$1"
}

cd "$OUT"
rm -f ./*.pem ./*.key

# --- RSA hierarchy: root, the TLS handshake server and client, other RSA sizes ---
key_rsa ca-rsa.key 2048
issue ca-rsa.pem 1000 "/C=US/O=nettls/CN=nettls Test RSA CA" ca-rsa.key self ca-rsa.key ca_ext sha256
key_rsa server-rsa.key 2048
issue server-rsa.pem 1001 "/C=US/ST=California/L=San Francisco/O=nettls/OU=Testing/CN=localhost" \
    server-rsa.key ca-rsa.pem ca-rsa.key server_ext sha256
key_rsa client-rsa.key 2048
issue client-rsa.pem 1002 "/C=US/O=nettls/CN=nettls client/emailAddress=client@example.com" \
    client-rsa.key ca-rsa.pem ca-rsa.key client_ext sha256
key_rsa rsa-1024.key 1024
issue rsa-1024.pem 1003 "/O=nettls/CN=rsa-1024" rsa-1024.key ca-rsa.pem ca-rsa.key leaf_ext sha256
key_rsa rsa-4096.key 4096
issue rsa-4096.pem 1004 "/O=Société nettls/CN=rsa-4096" rsa-4096.key ca-rsa.pem ca-rsa.key leaf_ext sha256

# --- self-signed DSA and EC certificates (also issuers of the sig-* certificates below) ---
openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:2048 -pkeyopt dsa_paramgen_q_bits:256 \
    -out "$WORK/dsa.param" 2>/dev/null
openssl genpkey -paramfile "$WORK/dsa.param" -out dsa-2048.key
issue dsa-2048.pem 2000 "/O=nettls/CN=localhost" dsa-2048.key self dsa-2048.key selfsigned_ext sha256
key_ec ec-p256.key P-256
issue ec-p256.pem 2001 "/O=nettls/CN=localhost" ec-p256.key self ec-p256.key selfsigned_ext sha256
key_ec ec-p384.key P-384
issue ec-p384.pem 2002 "/O=nettls/CN=localhost" ec-p384.key self ec-p384.key selfsigned_ext sha384

# --- one certificate per signature algorithm, all for the server-rsa key ---
serial=3000
for md in md5 sha1 sha224 sha384 sha512; do
    serial=$((serial + 1))
    issue "sig-rsa-$md.pem" "$serial" "/CN=sig-rsa-$md" server-rsa.key ca-rsa.pem ca-rsa.key leaf_ext "$md"
done
for md in sha1 sha256; do
    serial=$((serial + 1))
    issue "sig-dsa-$md.pem" "$serial" "/CN=sig-dsa-$md" server-rsa.key dsa-2048.pem dsa-2048.key leaf_ext "$md"
done
for md in sha1 sha224 sha256 sha384 sha512; do
    serial=$((serial + 1))
    issue "sig-ecdsa-$md.pem" "$serial" "/CN=sig-ecdsa-$md" server-rsa.key ec-p256.pem ec-p256.key leaf_ext "$md"
done

# --- shapes: v1, chain, validity, unknown critical extension, name constraints, wildcard ---
key_rsa v1.key 2048
issue v1.pem 4000 "/DC=org/DC=nettls/CN=v1 certificate+UID=42" v1.key ca-rsa.pem ca-rsa.key none sha256
key_rsa inter-ca.key 2048
issue inter-ca.pem 4001 "/C=US/O=nettls/CN=nettls Test Intermediate CA" inter-ca.key ca-rsa.pem ca-rsa.key \
    inter_ext sha256
issue leaf-inter.pem 4002 "/O=nettls/CN=leaf.example.com" server-rsa.key inter-ca.pem inter-ca.key server_ext \
    sha256
{ echo "Subject: leaf.example.com (text before and between blocks must be skipped)"; cat leaf-inter.pem;
  echo "Subject: nettls Test Intermediate CA"; cat inter-ca.pem; } > chain.pem
issue expired.pem 4003 "/CN=expired" server-rsa.key ca-rsa.pem ca-rsa.key leaf_ext sha256 \
    20000101000000Z 20010101000000Z
issue notyet.pem 4004 "/CN=not yet valid" server-rsa.key ca-rsa.pem ca-rsa.key leaf_ext sha256 \
    21000101000000Z 21100101000000Z
issue crit-unknown.pem 4005 "/CN=unknown critical extension" server-rsa.key ca-rsa.pem ca-rsa.key crit_ext \
    sha256
issue name-constraints.pem 4006 "/O=nettls/CN=nettls Constrained CA" inter-ca.key ca-rsa.pem ca-rsa.key nc_ext \
    sha256
issue wildcard.pem 4007 "/O=nettls/CN=*.example.com" server-rsa.key ca-rsa.pem ca-rsa.key wildcard_ext sha256
# OpenSSL's "TRUSTED CERTIFICATE": the certificate followed by its trust settings (X509_AUX)
openssl x509 -in ca-rsa.pem -addtrust serverAuth -setalias "nettls CA" -trustout -out ca-rsa-trusted.pem

# --- every private key form, all of the same keys as above ---
openssl pkey -in server-rsa.key -out key-rsa-pkcs8.pem
openssl rsa -in server-rsa.key -traditional -out key-rsa-pkcs1.pem 2>/dev/null
openssl pkcs8 -topk8 -in server-rsa.key -v2 aes-256-cbc -v2prf hmacWithSHA256 -passout "$PASS" \
    -out key-rsa-pkcs8-aes256.pem
openssl pkcs8 -topk8 -in server-rsa.key -v2 aes-128-cbc -v2prf hmacWithSHA1 -passout "$PASS" \
    -out key-rsa-pkcs8-aes128-sha1.pem
openssl pkcs8 -topk8 -in server-rsa.key -v2 des3 -passout "$PASS" -out key-rsa-pkcs8-des3.pem
openssl rsa -in server-rsa.key -traditional -aes128 -passout "$PASS" -out key-rsa-legacy-aes128.pem 2>/dev/null
openssl rsa -in server-rsa.key -traditional -aes256 -passout "$PASS" -out key-rsa-legacy-aes256.pem 2>/dev/null
openssl rsa -in server-rsa.key -traditional -des3 -passout "$PASS" -out key-rsa-legacy-des3.pem 2>/dev/null
openssl ec -in ec-p256.key -out key-ec-p256-sec1.pem 2>/dev/null
openssl pkey -in ec-p256.key -out key-ec-p256-pkcs8.pem
openssl ec -in ec-p384.key -out key-ec-p384-sec1.pem 2>/dev/null
openssl pkey -in ec-p384.key -out key-ec-p384-pkcs8.pem
openssl ec -in ec-p256.key -aes128 -passout "$PASS" -out key-ec-p256-legacy-aes128.pem 2>/dev/null
openssl pkcs8 -topk8 -in ec-p384.key -v2 aes-128-cbc -passout "$PASS" -out key-ec-p384-pkcs8-aes128.pem
openssl dsa -in dsa-2048.key -out key-dsa-openssl.pem 2>/dev/null
openssl pkey -in dsa-2048.key -out key-dsa-pkcs8.pem
openssl dsa -in dsa-2048.key -des3 -passout "$PASS" -out key-dsa-legacy-des3.pem 2>/dev/null

# --- DH parameters: RFC 7919 ffdhe2048, and the same group with privateValueLength (PKCS#3) ---
openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdhe2048 -out dh-ffdhe2048.pem
p=$(openssl asn1parse -in dh-ffdhe2048.pem | awk -F: 'NR == 2 { print $4 }')
printf 'asn1 = SEQUENCE:dh\n[dh]\np = INTEGER:0x%s\ng = INTEGER:2\nlen = INTEGER:256\n' "$p" > "$WORK/dh.cnf"
openssl asn1parse -genconf "$WORK/dh.cnf" -out "$WORK/dh.der" > /dev/null
{ echo "-----BEGIN DH PARAMETERS-----"; openssl base64 -in "$WORK/dh.der";
  echo "-----END DH PARAMETERS-----"; } > dh-ffdhe2048-len.pem

echo "fixtures written to $OUT"
