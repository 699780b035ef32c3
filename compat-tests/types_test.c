/* The structures OpenSSL 1.1.0 left public and programs read: nettls must lay them out as OpenSSL does.
 * Built against nettls and the system OpenSSL, with the same expectations. */
#include <criterion/criterion.h>
#include <stddef.h>

#include <openssl/buffer.h>
#include <openssl/x509v3.h>

Test(types, general_name_layout)
{
    GENERAL_NAME gn;
    cr_assert_eq(sizeof(GENERAL_NAME), 2 * sizeof(void *));
    cr_assert_eq(offsetof(GENERAL_NAME, type), 0);
    cr_assert_eq(offsetof(GENERAL_NAME, d), sizeof(void *));
    gn.type = GEN_DNS;
    gn.d.dNSName = NULL;
    gn.d.ptr = (char *)&gn;
    /* The names programs use for the same member alias one pointer. */
    cr_assert_eq((void *)gn.d.dNSName, (void *)&gn);
    cr_assert_eq((void *)gn.d.ia5, (void *)&gn);
    cr_assert_eq((void *)gn.d.iPAddress, (void *)&gn);
    cr_assert_eq((void *)gn.d.uniformResourceIdentifier, (void *)&gn);
    cr_assert_eq(GEN_OTHERNAME, 0);
    cr_assert_eq(GEN_EMAIL, 1);
    cr_assert_eq(GEN_DNS, 2);
    cr_assert_eq(GEN_URI, 6);
    cr_assert_eq(GEN_IPADD, 7);
    cr_assert_eq(GEN_RID, 8);
}

Test(types, buf_mem_layout)
{
    BUF_MEM b;
    b.length = 3;
    b.data = (char *)"abc";
    b.max = 4;
    b.flags = 0;
    cr_assert_eq(offsetof(BUF_MEM, length), 0);
    cr_assert_eq(offsetof(BUF_MEM, data), sizeof(size_t));
    cr_assert_eq(offsetof(BUF_MEM, max), sizeof(size_t) + sizeof(char *));
    cr_assert_eq(sizeof(BUF_MEM), 2 * sizeof(size_t) + sizeof(char *) + sizeof(unsigned long));
    cr_assert_eq(b.data[b.length - 1], 'c');
}
