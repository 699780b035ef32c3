/* nettls: the error string tables, and the one table from native engine errors to OpenSSL reasons.
 *
 * Library names, function names and reason strings are OpenSSL 1.1.0's, so messages read as programs
 * and their users expect ("SSL routines", "sslv3 alert handshake failure"). Code that adds OpenSSL
 * reasons adds their strings here. */
#include <pthread.h>
#include <stddef.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "internal.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct code_string {
    int code;
    const char *str;
};

static const struct code_string lib_names[] = {
    { ERR_LIB_NONE, "unknown library" },
    { ERR_LIB_SYS, "system library" },
    { ERR_LIB_BN, "bignum routines" },
    { ERR_LIB_RSA, "rsa routines" },
    { ERR_LIB_DH, "Diffie-Hellman routines" },
    { ERR_LIB_EVP, "digital envelope routines" },
    { ERR_LIB_BUF, "memory buffer routines" },
    { ERR_LIB_OBJ, "object identifier routines" },
    { ERR_LIB_PEM, "PEM routines" },
    { ERR_LIB_DSA, "dsa routines" },
    { ERR_LIB_X509, "x509 certificate routines" },
    { ERR_LIB_ASN1, "asn1 encoding routines" },
    { ERR_LIB_CONF, "configuration file routines" },
    { ERR_LIB_CRYPTO, "common libcrypto routines" },
    { ERR_LIB_EC, "elliptic curve routines" },
    { ERR_LIB_ECDSA, "ECDSA routines" },
    { ERR_LIB_ECDH, "ECDH routines" },
    { ERR_LIB_SSL, "SSL routines" },
    { ERR_LIB_BIO, "BIO routines" },
    { ERR_LIB_PKCS7, "PKCS7 routines" },
    { ERR_LIB_X509V3, "X509 V3 routines" },
    { ERR_LIB_PKCS12, "PKCS12 routines" },
    { ERR_LIB_RAND, "random number generator" },
    { ERR_LIB_DSO, "DSO support routines" },
    { ERR_LIB_TS, "time stamp routines" },
    { ERR_LIB_ENGINE, "engine routines" },
    { ERR_LIB_OCSP, "OCSP routines" },
    { ERR_LIB_UI, "UI routines" },
    { ERR_LIB_COMP, "compression routines" },
    { ERR_LIB_FIPS, "FIPS routines" },
    { ERR_LIB_CMS, "CMS routines" },
    { ERR_LIB_HMAC, "HMAC routines" },
    { ERR_LIB_CT, "CT routines" },
    { ERR_LIB_ASYNC, "ASYNC routines" },
    { ERR_LIB_KDF, "KDF routines" },
};

/* Function names, by library. */
static const struct code_string sys_funcs[] = {
    { SYS_F_FOPEN, "fopen" },
    { SYS_F_CONNECT, "connect" },
    { SYS_F_GETSERVBYNAME, "getservbyname" },
    { SYS_F_SOCKET, "socket" },
    { SYS_F_IOCTLSOCKET, "ioctlsocket" },
    { SYS_F_BIND, "bind" },
    { SYS_F_LISTEN, "listen" },
    { SYS_F_ACCEPT, "accept" },
    { SYS_F_OPENDIR, "opendir" },
    { SYS_F_FREAD, "fread" },
    { SYS_F_GETADDRINFO, "getaddrinfo" },
    { SYS_F_GETNAMEINFO, "getnameinfo" },
    { SYS_F_SETSOCKOPT, "setsockopt" },
    { SYS_F_GETSOCKOPT, "getsockopt" },
    { SYS_F_GETSOCKNAME, "getsockname" },
    { SYS_F_GETHOSTBYNAME, "gethostbyname" },
};

static const struct code_string rand_funcs[] = {
    { RAND_F_RAND_BYTES, "RAND_bytes" },
};

/* Reasons every library shares (ERR_R_*). */
static const struct code_string common_reasons[] = {
    { ERR_R_SYS_LIB, "system lib" },
    { ERR_R_BN_LIB, "BN lib" },
    { ERR_R_RSA_LIB, "RSA lib" },
    { ERR_R_DH_LIB, "DH lib" },
    { ERR_R_EVP_LIB, "EVP lib" },
    { ERR_R_BUF_LIB, "BUF lib" },
    { ERR_R_OBJ_LIB, "OBJ lib" },
    { ERR_R_PEM_LIB, "PEM lib" },
    { ERR_R_DSA_LIB, "DSA lib" },
    { ERR_R_X509_LIB, "X509 lib" },
    { ERR_R_ASN1_LIB, "ASN1 lib" },
    { ERR_R_EC_LIB, "EC lib" },
    { ERR_R_BIO_LIB, "BIO lib" },
    { ERR_R_PKCS7_LIB, "PKCS7 lib" },
    { ERR_R_X509V3_LIB, "X509V3 lib" },
    { ERR_R_ENGINE_LIB, "ENGINE lib" },
    { ERR_R_ECDSA_LIB, "ECDSA lib" },
    { ERR_R_NESTED_ASN1_ERROR, "nested asn1 error" },
    { ERR_R_MISSING_ASN1_EOS, "missing asn1 eos" },
    { ERR_R_FATAL, "fatal" },
    { ERR_R_MALLOC_FAILURE, "malloc failure" },
    { ERR_R_SHOULD_NOT_HAVE_BEEN_CALLED, "called a function you should not call" },
    { ERR_R_PASSED_NULL_PARAMETER, "passed a null parameter" },
    { ERR_R_INTERNAL_ERROR, "internal error" },
    { ERR_R_DISABLED, "called a function that was disabled at compile-time" },
    { ERR_R_INIT_FAIL, "init fail" },
};

static const struct code_string rand_reasons[] = {
    { RAND_R_PRNG_NOT_SEEDED, "PRNG not seeded" },
};

static const struct code_string pem_reasons[] = {
    { PEM_R_BAD_BASE64_DECODE, "bad base64 decode" },
    { PEM_R_BAD_DECRYPT, "bad decrypt" },
    { PEM_R_BAD_END_LINE, "bad end line" },
    { PEM_R_BAD_IV_CHARS, "bad iv chars" },
    { PEM_R_BAD_MAGIC_NUMBER, "bad magic number" },
    { PEM_R_BAD_PASSWORD_READ, "bad password read" },
    { PEM_R_BAD_VERSION_NUMBER, "bad version number" },
    { PEM_R_BIO_WRITE_FAILURE, "bio write failure" },
    { PEM_R_CIPHER_IS_NULL, "cipher is null" },
    { PEM_R_ERROR_CONVERTING_PRIVATE_KEY, "error converting private key" },
    { PEM_R_EXPECTING_PRIVATE_KEY_BLOB, "expecting private key blob" },
    { PEM_R_EXPECTING_PUBLIC_KEY_BLOB, "expecting public key blob" },
    { PEM_R_HEADER_TOO_LONG, "header too long" },
    { PEM_R_INCONSISTENT_HEADER, "inconsistent header" },
    { PEM_R_KEYBLOB_HEADER_PARSE_ERROR, "keyblob header parse error" },
    { PEM_R_KEYBLOB_TOO_SHORT, "keyblob too short" },
    { PEM_R_NOT_DEK_INFO, "not dek info" },
    { PEM_R_NOT_ENCRYPTED, "not encrypted" },
    { PEM_R_NOT_PROC_TYPE, "not proc type" },
    { PEM_R_NO_START_LINE, "no start line" },
    { PEM_R_PROBLEMS_GETTING_PASSWORD, "problems getting password" },
    { PEM_R_PVK_DATA_TOO_SHORT, "pvk data too short" },
    { PEM_R_PVK_TOO_SHORT, "pvk too short" },
    { PEM_R_READ_KEY, "read key" },
    { PEM_R_SHORT_HEADER, "short header" },
    { PEM_R_UNSUPPORTED_CIPHER, "unsupported cipher" },
    { PEM_R_UNSUPPORTED_ENCRYPTION, "unsupported encryption" },
    { PEM_R_UNSUPPORTED_KEY_COMPONENTS, "unsupported key components" },
};

static const struct code_string x509_reasons[] = {
    { X509_R_CERT_ALREADY_IN_HASH_TABLE, "cert already in hash table" },
    { X509_R_KEY_TYPE_MISMATCH, "key type mismatch" },
    { X509_R_KEY_VALUES_MISMATCH, "key values mismatch" },
    { X509_R_UNKNOWN_KEY_TYPE, "unknown key type" },
    { X509_R_UNKNOWN_PURPOSE_ID, "unknown purpose id" },
    { X509_R_WRONG_TYPE, "wrong type" },
    { X509_R_UNKNOWN_TRUST_ID, "unknown trust id" },
};

static const struct code_string evp_reasons[] = {
    { EVP_R_INPUT_NOT_INITIALIZED, "input not initialized" },
    { EVP_R_NO_DIGEST_SET, "no digest set" },
};

static const struct code_string bio_reasons[] = {
    { BIO_R_BROKEN_PIPE, "broken pipe" },
    { BIO_R_IN_USE, "in use" },
    { BIO_R_INVALID_ARGUMENT, "invalid argument" },
    { BIO_R_NO_SUCH_FILE, "no such file" },
    { BIO_R_NULL_PARAMETER, "null parameter" },
    { BIO_R_UNSUPPORTED_METHOD, "unsupported method" },
    { BIO_R_WRITE_TO_READ_ONLY_BIO, "write to read only BIO" },
};

/* SSL reasons, including the alerts a peer sent (SSL_AD_REASON_OFFSET + alert). */
static const struct code_string ssl_reasons[] = {
    { SSL_R_APP_DATA_IN_HANDSHAKE, "app data in handshake" },
    { SSL_R_ATTEMPT_TO_REUSE_SESSION_IN_DIFFERENT_CONTEXT, "attempt to reuse session in different context" },
    { SSL_R_BAD_CHANGE_CIPHER_SPEC, "bad change cipher spec" },
    { SSL_R_BAD_DATA, "bad data" },
    { SSL_R_BAD_DATA_RETURNED_BY_CALLBACK, "bad data returned by callback" },
    { SSL_R_BAD_DECOMPRESSION, "bad decompression" },
    { SSL_R_BAD_DH_VALUE, "bad dh value" },
    { SSL_R_BAD_DIGEST_LENGTH, "bad digest length" },
    { SSL_R_BAD_ECPOINT, "bad ecpoint" },
    { SSL_R_BAD_HANDSHAKE_LENGTH, "bad handshake length" },
    { SSL_R_BAD_HELLO_REQUEST, "bad hello request" },
    { SSL_R_BAD_LENGTH, "bad length" },
    { SSL_R_BAD_PACKET_LENGTH, "bad packet length" },
    { SSL_R_BAD_PROTOCOL_VERSION_NUMBER, "bad protocol version number" },
    { SSL_R_BAD_RSA_ENCRYPT, "bad rsa encrypt" },
    { SSL_R_BAD_SIGNATURE, "bad signature" },
    { SSL_R_BAD_SSL_FILETYPE, "bad ssl filetype" },
    { SSL_R_BAD_VALUE, "bad value" },
    { SSL_R_BAD_WRITE_RETRY, "bad write retry" },
    { SSL_R_BIO_NOT_SET, "bio not set" },
    { SSL_R_BLOCK_CIPHER_PAD_IS_WRONG, "block cipher pad is wrong" },
    { SSL_R_BN_LIB, "bn lib" },
    { SSL_R_CA_DN_LENGTH_MISMATCH, "ca dn length mismatch" },
    { SSL_R_CA_KEY_TOO_SMALL, "ca key too small" },
    { SSL_R_CA_MD_TOO_WEAK, "ca md too weak" },
    { SSL_R_CCS_RECEIVED_EARLY, "ccs received early" },
    { SSL_R_CERTIFICATE_VERIFY_FAILED, "certificate verify failed" },
    { SSL_R_CERT_CB_ERROR, "cert cb error" },
    { SSL_R_CERT_LENGTH_MISMATCH, "cert length mismatch" },
    { SSL_R_CIPHER_CODE_WRONG_LENGTH, "cipher code wrong length" },
    { SSL_R_CIPHER_OR_HASH_UNAVAILABLE, "cipher or hash unavailable" },
    { SSL_R_CLIENTHELLO_TLSEXT, "clienthello tlsext" },
    { SSL_R_COMPRESSED_LENGTH_TOO_LONG, "compressed length too long" },
    { SSL_R_COMPRESSION_DISABLED, "compression disabled" },
    { SSL_R_COMPRESSION_FAILURE, "compression failure" },
    { SSL_R_CONNECTION_TYPE_NOT_SET, "connection type not set" },
    { SSL_R_DATA_BETWEEN_CCS_AND_FINISHED, "data between ccs and finished" },
    { SSL_R_DATA_LENGTH_TOO_LONG, "data length too long" },
    { SSL_R_DECRYPTION_FAILED, "decryption failed" },
    { SSL_R_DECRYPTION_FAILED_OR_BAD_RECORD_MAC, "decryption failed or bad record mac" },
    { SSL_R_DH_KEY_TOO_SMALL, "dh key too small" },
    { SSL_R_DH_PUBLIC_VALUE_LENGTH_IS_WRONG, "dh public value length is wrong" },
    { SSL_R_DIGEST_CHECK_FAILED, "digest check failed" },
    { SSL_R_EE_KEY_TOO_SMALL, "ee key too small" },
    { SSL_R_ENCRYPTED_LENGTH_TOO_LONG, "encrypted length too long" },
    { SSL_R_ERROR_IN_RECEIVED_CIPHER_LIST, "error in received cipher list" },
    { SSL_R_EXCESSIVE_MESSAGE_SIZE, "excessive message size" },
    { SSL_R_EXTRA_DATA_IN_MESSAGE, "extra data in message" },
    { SSL_R_GOT_A_FIN_BEFORE_A_CCS, "got a fin before a ccs" },
    { SSL_R_HTTPS_PROXY_REQUEST, "https proxy request" },
    { SSL_R_HTTP_REQUEST, "http request" },
    { SSL_R_INAPPROPRIATE_FALLBACK, "inappropriate fallback" },
    { SSL_R_INCONSISTENT_COMPRESSION, "inconsistent compression" },
    { SSL_R_INVALID_COMMAND, "invalid command" },
    { SSL_R_INVALID_COMPRESSION_ALGORITHM, "invalid compression algorithm" },
    { SSL_R_INVALID_NULL_CMD_NAME, "invalid null cmd name" },
    { SSL_R_INVALID_SEQUENCE_NUMBER, "invalid sequence number" },
    { SSL_R_INVALID_STATUS_RESPONSE, "invalid status response" },
    { SSL_R_LENGTH_MISMATCH, "length mismatch" },
    { SSL_R_LENGTH_TOO_LONG, "length too long" },
    { SSL_R_LENGTH_TOO_SHORT, "length too short" },
    { SSL_R_LIBRARY_BUG, "library bug" },
    { SSL_R_LIBRARY_HAS_NO_CIPHERS, "library has no ciphers" },
    { SSL_R_MISSING_DSA_SIGNING_CERT, "missing dsa signing cert" },
    { SSL_R_MISSING_ECDSA_SIGNING_CERT, "missing ecdsa signing cert" },
    { SSL_R_MISSING_RSA_CERTIFICATE, "missing rsa certificate" },
    { SSL_R_MISSING_RSA_ENCRYPTING_CERT, "missing rsa encrypting cert" },
    { SSL_R_MISSING_RSA_SIGNING_CERT, "missing rsa signing cert" },
    { SSL_R_MISSING_TMP_DH_KEY, "missing tmp dh key" },
    { SSL_R_MISSING_TMP_ECDH_KEY, "missing tmp ecdh key" },
    { SSL_R_NO_CERTIFICATES_RETURNED, "no certificates returned" },
    { SSL_R_NO_CERTIFICATE_ASSIGNED, "no certificate assigned" },
    { SSL_R_NO_CERTIFICATE_SET, "no certificate set" },
    { SSL_R_NO_CIPHERS_AVAILABLE, "no ciphers available" },
    { SSL_R_NO_CIPHERS_SPECIFIED, "no ciphers specified" },
    { SSL_R_NO_CIPHER_MATCH, "no cipher match" },
    { SSL_R_NO_CLIENT_CERT_METHOD, "no client cert method" },
    { SSL_R_NO_COMPRESSION_SPECIFIED, "no compression specified" },
    { SSL_R_NO_METHOD_SPECIFIED, "no method specified" },
    { SSL_R_NO_PRIVATE_KEY_ASSIGNED, "no private key assigned" },
    { SSL_R_NO_PROTOCOLS_AVAILABLE, "no protocols available" },
    { SSL_R_NO_RENEGOTIATION, "no renegotiation" },
    { SSL_R_NO_REQUIRED_DIGEST, "no required digest" },
    { SSL_R_NO_SHARED_CIPHER, "no shared cipher" },
    { SSL_R_NO_SHARED_SIGNATURE_ALGORITHMS, "no shared signature algorithms" },
    { SSL_R_NULL_SSL_CTX, "null ssl ctx" },
    { SSL_R_NULL_SSL_METHOD_PASSED, "null ssl method passed" },
    { SSL_R_OLD_SESSION_CIPHER_NOT_RETURNED, "old session cipher not returned" },
    { SSL_R_OLD_SESSION_COMPRESSION_ALGORITHM_NOT_RETURNED,
      "old session compression algorithm not returned" },
    { SSL_R_PACKET_LENGTH_TOO_LONG, "packet length too long" },
    { SSL_R_PARSE_TLSEXT, "parse tlsext" },
    { SSL_R_PATH_TOO_LONG, "path too long" },
    { SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE, "peer did not return a certificate" },
    { SSL_R_PEM_NAME_BAD_PREFIX, "pem name bad prefix" },
    { SSL_R_PEM_NAME_TOO_SHORT, "pem name too short" },
    { SSL_R_PROTOCOL_IS_SHUTDOWN, "protocol is shutdown" },
    { SSL_R_READ_BIO_NOT_SET, "read bio not set" },
    { SSL_R_READ_TIMEOUT_EXPIRED, "read timeout expired" },
    { SSL_R_RECORD_LENGTH_MISMATCH, "record length mismatch" },
    { SSL_R_RECORD_TOO_SMALL, "record too small" },
    { SSL_R_RENEGOTIATE_EXT_TOO_LONG, "renegotiate ext too long" },
    { SSL_R_RENEGOTIATION_ENCODING_ERR, "renegotiation encoding err" },
    { SSL_R_RENEGOTIATION_MISMATCH, "renegotiation mismatch" },
    { SSL_R_REQUIRED_CIPHER_MISSING, "required cipher missing" },
    { SSL_R_REQUIRED_COMPRESSION_ALGORITHM_MISSING, "required compression algorithm missing" },
    { SSL_R_SCSV_RECEIVED_WHEN_RENEGOTIATING, "scsv received when renegotiating" },
    { SSL_R_SERVERHELLO_TLSEXT, "serverhello tlsext" },
    { SSL_R_SESSION_ID_CONTEXT_UNINITIALIZED, "session id context uninitialized" },
    { SSL_R_SHUTDOWN_WHILE_IN_INIT, "shutdown while in init" },
    { SSL_R_SIGNATURE_ALGORITHMS_ERROR, "signature algorithms error" },
    { SSL_R_SIGNATURE_FOR_NON_SIGNING_CERTIFICATE, "signature for non signing certificate" },
    { SSL_R_SSL3_EXT_INVALID_SERVERNAME, "ssl3 ext invalid servername" },
    { SSL_R_SSL3_EXT_INVALID_SERVERNAME_TYPE, "ssl3 ext invalid servername type" },
    { SSL_R_SSL3_SESSION_ID_TOO_LONG, "ssl3 session id too long" },
    { SSL_R_SSLV3_ALERT_BAD_CERTIFICATE, "sslv3 alert bad certificate" },
    { SSL_R_SSLV3_ALERT_BAD_RECORD_MAC, "sslv3 alert bad record mac" },
    { SSL_R_SSLV3_ALERT_CERTIFICATE_EXPIRED, "sslv3 alert certificate expired" },
    { SSL_R_SSLV3_ALERT_CERTIFICATE_REVOKED, "sslv3 alert certificate revoked" },
    { SSL_R_SSLV3_ALERT_CERTIFICATE_UNKNOWN, "sslv3 alert certificate unknown" },
    { SSL_R_SSLV3_ALERT_DECOMPRESSION_FAILURE, "sslv3 alert decompression failure" },
    { SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE, "sslv3 alert handshake failure" },
    { SSL_R_SSLV3_ALERT_ILLEGAL_PARAMETER, "sslv3 alert illegal parameter" },
    { SSL_R_SSLV3_ALERT_NO_CERTIFICATE, "sslv3 alert no certificate" },
    { SSL_R_SSLV3_ALERT_UNEXPECTED_MESSAGE, "sslv3 alert unexpected message" },
    { SSL_R_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE, "sslv3 alert unsupported certificate" },
    { SSL_R_SSL_CTX_HAS_NO_DEFAULT_SSL_VERSION, "ssl ctx has no default ssl version" },
    { SSL_R_SSL_HANDSHAKE_FAILURE, "ssl handshake failure" },
    { SSL_R_SSL_LIBRARY_HAS_NO_CIPHERS, "ssl library has no ciphers" },
    { SSL_R_SSL_NEGATIVE_LENGTH, "ssl negative length" },
    { SSL_R_SSL_SESSION_ID_CALLBACK_FAILED, "ssl session id callback failed" },
    { SSL_R_SSL_SESSION_ID_CONFLICT, "ssl session id conflict" },
    { SSL_R_SSL_SESSION_ID_CONTEXT_TOO_LONG, "ssl session id context too long" },
    { SSL_R_SSL_SESSION_ID_HAS_BAD_LENGTH, "ssl session id has bad length" },
    { SSL_R_SSL_SESSION_ID_TOO_LONG, "ssl session id too long" },
    { SSL_R_SSL_SESSION_VERSION_MISMATCH, "ssl session version mismatch" },
    { SSL_R_TLSV1_ALERT_ACCESS_DENIED, "tlsv1 alert access denied" },
    { SSL_R_TLSV1_ALERT_DECODE_ERROR, "tlsv1 alert decode error" },
    { SSL_R_TLSV1_ALERT_DECRYPTION_FAILED, "tlsv1 alert decryption failed" },
    { SSL_R_TLSV1_ALERT_DECRYPT_ERROR, "tlsv1 alert decrypt error" },
    { SSL_R_TLSV1_ALERT_EXPORT_RESTRICTION, "tlsv1 alert export restriction" },
    { SSL_R_TLSV1_ALERT_INAPPROPRIATE_FALLBACK, "tlsv1 alert inappropriate fallback" },
    { SSL_R_TLSV1_ALERT_INSUFFICIENT_SECURITY, "tlsv1 alert insufficient security" },
    { SSL_R_TLSV1_ALERT_INTERNAL_ERROR, "tlsv1 alert internal error" },
    { SSL_R_TLSV1_ALERT_NO_RENEGOTIATION, "tlsv1 alert no renegotiation" },
    { SSL_R_TLSV1_ALERT_PROTOCOL_VERSION, "tlsv1 alert protocol version" },
    { SSL_R_TLSV1_ALERT_RECORD_OVERFLOW, "tlsv1 alert record overflow" },
    { SSL_R_TLSV1_ALERT_UNKNOWN_CA, "tlsv1 alert unknown ca" },
    { SSL_R_TLSV1_ALERT_USER_CANCELLED, "tlsv1 alert user cancelled" },
    { SSL_R_TLSV1_BAD_CERTIFICATE_HASH_VALUE, "tlsv1 bad certificate hash value" },
    { SSL_R_TLSV1_BAD_CERTIFICATE_STATUS_RESPONSE, "tlsv1 bad certificate status response" },
    { SSL_R_TLSV1_CERTIFICATE_UNOBTAINABLE, "tlsv1 certificate unobtainable" },
    { SSL_R_TLSV1_UNRECOGNIZED_NAME, "tlsv1 unrecognized name" },
    { SSL_R_TLSV1_UNSUPPORTED_EXTENSION, "tlsv1 unsupported extension" },
    { SSL_R_TLS_INVALID_ECPOINTFORMAT_LIST, "tls invalid ecpointformat list" },
    { SSL_R_TOO_MANY_WARN_ALERTS, "too many warn alerts" },
    { SSL_R_UNABLE_TO_FIND_ECDH_PARAMETERS, "unable to find ecdh parameters" },
    { SSL_R_UNABLE_TO_FIND_PUBLIC_KEY_PARAMETERS, "unable to find public key parameters" },
    { SSL_R_UNEXPECTED_MESSAGE, "unexpected message" },
    { SSL_R_UNEXPECTED_RECORD, "unexpected record" },
    { SSL_R_UNINITIALIZED, "uninitialized" },
    { SSL_R_UNKNOWN_ALERT_TYPE, "unknown alert type" },
    { SSL_R_UNKNOWN_CERTIFICATE_TYPE, "unknown certificate type" },
    { SSL_R_UNKNOWN_CIPHER_RETURNED, "unknown cipher returned" },
    { SSL_R_UNKNOWN_CIPHER_TYPE, "unknown cipher type" },
    { SSL_R_UNKNOWN_CMD_NAME, "unknown cmd name" },
    { SSL_R_UNKNOWN_COMMAND, "unknown command" },
    { SSL_R_UNKNOWN_DIGEST, "unknown digest" },
    { SSL_R_UNKNOWN_KEY_EXCHANGE_TYPE, "unknown key exchange type" },
    { SSL_R_UNKNOWN_PKEY_TYPE, "unknown pkey type" },
    { SSL_R_UNKNOWN_PROTOCOL, "unknown protocol" },
    { SSL_R_UNKNOWN_SSL_VERSION, "unknown ssl version" },
    { SSL_R_UNKNOWN_STATE, "unknown state" },
    { SSL_R_UNSAFE_LEGACY_RENEGOTIATION_DISABLED, "unsafe legacy renegotiation disabled" },
    { SSL_R_UNSUPPORTED_COMPRESSION_ALGORITHM, "unsupported compression algorithm" },
    { SSL_R_UNSUPPORTED_ELLIPTIC_CURVE, "unsupported elliptic curve" },
    { SSL_R_UNSUPPORTED_PROTOCOL, "unsupported protocol" },
    { SSL_R_UNSUPPORTED_SSL_VERSION, "unsupported ssl version" },
    { SSL_R_UNSUPPORTED_STATUS_TYPE, "unsupported status type" },
    { SSL_R_VERSION_TOO_HIGH, "version too high" },
    { SSL_R_VERSION_TOO_LOW, "version too low" },
    { SSL_R_WRONG_CERTIFICATE_TYPE, "wrong certificate type" },
    { SSL_R_WRONG_CIPHER_RETURNED, "wrong cipher returned" },
    { SSL_R_WRONG_CURVE, "wrong curve" },
    { SSL_R_WRONG_SIGNATURE_LENGTH, "wrong signature length" },
    { SSL_R_WRONG_SIGNATURE_SIZE, "wrong signature size" },
    { SSL_R_WRONG_SIGNATURE_TYPE, "wrong signature type" },
    { SSL_R_WRONG_SSL_VERSION, "wrong ssl version" },
    { SSL_R_WRONG_VERSION_NUMBER, "wrong version number" },
    { SSL_R_X509_LIB, "x509 lib" },
    { SSL_R_X509_VERIFICATION_SETUP_PROBLEMS, "x509 verification setup problems" },
};

struct lib_table {
    int lib;
    const struct code_string *entries;
    size_t count;
};

static const struct lib_table func_tables[] = {
    { ERR_LIB_SYS, sys_funcs, COUNT(sys_funcs) },
    { ERR_LIB_RAND, rand_funcs, COUNT(rand_funcs) },
};

static const struct lib_table reason_tables[] = {
    { ERR_LIB_SSL, ssl_reasons, COUNT(ssl_reasons) },
    { ERR_LIB_PEM, pem_reasons, COUNT(pem_reasons) },
    { ERR_LIB_X509, x509_reasons, COUNT(x509_reasons) },
    { ERR_LIB_BIO, bio_reasons, COUNT(bio_reasons) },
    { ERR_LIB_EVP, evp_reasons, COUNT(evp_reasons) },
    { ERR_LIB_RAND, rand_reasons, COUNT(rand_reasons) },
};

static const char *find(const struct code_string *t, size_t n, int code)
{
    for (size_t i = 0; i < n; i++) {
        if (t[i].code == code) {
            return t[i].str;
        }
    }
    return NULL;
}

static const char *find_in(const struct lib_table *tables, size_t n, int lib, int code)
{
    for (size_t i = 0; i < n; i++) {
        if (tables[i].lib == lib) {
            return find(tables[i].entries, tables[i].count, code);
        }
    }
    return NULL;
}

const char *ntls_compat_lib_string(int lib)
{
    return find(lib_names, COUNT(lib_names), lib);
}

const char *ntls_compat_func_string(int lib, int func)
{
    return find_in(func_tables, COUNT(func_tables), lib, func);
}

/* System errors read as strerror() says, cut to 31 characters like OpenSSL 1.1.0's table of errno 1..127,
 * built once because strerror() itself is not thread-safe. */
enum { SYS_REASONS = 127, SYS_REASON_LEN = 32 };
static char sys_reasons[SYS_REASONS][SYS_REASON_LEN];
static pthread_once_t sys_reasons_once = PTHREAD_ONCE_INIT;

static void sys_reasons_build(void)
{
    for (int i = 0; i < SYS_REASONS; i++) {
        if (strerror_r(i + 1, sys_reasons[i], sizeof sys_reasons[i]) != 0 && sys_reasons[i][0] == '\0') {
            memcpy(sys_reasons[i], "unknown", sizeof "unknown");
        }
        sys_reasons[i][SYS_REASON_LEN - 1] = '\0';
    }
}

const char *ntls_compat_reason_string(int lib, int reason)
{
    if (lib == ERR_LIB_SYS && reason >= 1 && reason <= SYS_REASONS) {
        pthread_once(&sys_reasons_once, sys_reasons_build);
        return sys_reasons[reason - 1];
    }
    const char *s = find_in(reason_tables, COUNT(reason_tables), lib, reason);
    return s != NULL ? s : find(common_reasons, COUNT(common_reasons), reason);
}

/* Native errors to reasons. One reason per error class: the specific OpenSSL reasons for the same
 * failure differ by handshake message, and a program tests the alert or the generic reason. */
int ntls_compat_ssl_reason(enum ntls_err err)
{
    switch (err) {
    case NTLS_E_OK:
    case NTLS_E_WANT_READ:
    case NTLS_E_WANT_WRITE:
    case NTLS_E_CLOSED:
    case NTLS_E_PEER_ALERT:
        return 0;
    case NTLS_E_DECODE: return SSL_R_LENGTH_MISMATCH;
    case NTLS_E_UNEXPECTED_MESSAGE: return SSL_R_UNEXPECTED_MESSAGE;
    case NTLS_E_BAD_RECORD_MAC: return SSL_R_DECRYPTION_FAILED_OR_BAD_RECORD_MAC;
    case NTLS_E_RECORD_OVERFLOW: return SSL_R_PACKET_LENGTH_TOO_LONG;
    case NTLS_E_HANDSHAKE_FAILURE: return SSL_R_SSL_HANDSHAKE_FAILURE;
    case NTLS_E_ILLEGAL_PARAMETER: return SSL_R_BAD_DATA;
    case NTLS_E_PROTOCOL_VERSION: return SSL_R_UNSUPPORTED_PROTOCOL;
    case NTLS_E_DECRYPT_ERROR: return SSL_R_BAD_SIGNATURE;
    case NTLS_E_INSUFFICIENT_SECURITY: return SSL_R_DH_KEY_TOO_SMALL;
    case NTLS_E_BAD_CERTIFICATE: return SSL_R_CERTIFICATE_VERIFY_FAILED;
    case NTLS_E_UNSUPPORTED_CERTIFICATE: return SSL_R_WRONG_CERTIFICATE_TYPE;
    case NTLS_E_CERT_EXPIRED: return SSL_R_CERTIFICATE_VERIFY_FAILED;
    case NTLS_E_UNKNOWN_CA: return SSL_R_CERTIFICATE_VERIFY_FAILED;
    case NTLS_E_CERT_UNKNOWN: return SSL_R_CERTIFICATE_VERIFY_FAILED;
    case NTLS_E_ACCESS_DENIED: return SSL_R_CERTIFICATE_VERIFY_FAILED;
    case NTLS_E_NO_RENEGOTIATION: return SSL_R_NO_RENEGOTIATION;
    case NTLS_E_UNRECOGNIZED_NAME: return SSL_R_TLSV1_UNRECOGNIZED_NAME;
    case NTLS_E_INTERNAL: return ERR_R_INTERNAL_ERROR;
    case NTLS_E_NOMEM: return ERR_R_MALLOC_FAILURE;
    case NTLS_E_USAGE: return ERR_R_SHOULD_NOT_HAVE_BEEN_CALLED;
    case NTLS_E_CRYPTO: return ERR_R_EVP_LIB;
    case NTLS_E_SEQ_OVERFLOW: return ERR_R_INTERNAL_ERROR;
    }
    return ERR_R_INTERNAL_ERROR;
}

int ntls_compat_alert_reason(int alert)
{
    return SSL_AD_REASON_OFFSET + alert;
}
