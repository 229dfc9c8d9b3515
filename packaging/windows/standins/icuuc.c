/* Stand-in for Windows' icuuc.dll, for running Qt under Wine only (never shipped).
 *
 * Windows 10 1903+ carries ICU as icuuc.dll; Qt6Core imports 20 ucnv_* functions from it
 * for text codecs. Wine 8 has no such DLL, so Qt6Core would not load at all. Every
 * converter open here fails, which makes Qt fall back to its own UTF-8/UTF-16/Latin-1
 * codecs: all that DLA Drafter uses (its files are UTF-8, Qt strings UTF-16). */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
#define U_FILE_ACCESS_ERROR 4
#define U_ILLEGAL_ARGUMENT_ERROR 1
#define EXPORT __declspec(dllexport)

static void fail(UErrorCode *err, UErrorCode code) {
    if (err != NULL && *err <= 0) *err = code;
}

EXPORT void *ucnv_open(const char *name, UErrorCode *err) {
    (void)name;
    fail(err, U_FILE_ACCESS_ERROR);
    return NULL;
}
EXPORT void ucnv_close(void *cnv) { (void)cnv; }
EXPORT void ucnv_reset(void *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 1; }
EXPORT const char *ucnv_getName(const void *cnv, UErrorCode *err) {
    (void)cnv;
    fail(err, U_ILLEGAL_ARGUMENT_ERROR);
    return NULL;
}
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err) {
    (void)name; (void)standard;
    fail(err, U_ILLEGAL_ARGUMENT_ERROR);
    return NULL;
}
/* Only reachable with an open converter, which never exists: fail safely all the same. */
EXPORT void ucnv_getToUCallBack(const void *c, void **a, const void **b) {
    (void)c; if (a) *a = NULL; if (b) *b = NULL;
}
EXPORT void ucnv_getFromUCallBack(const void *c, void **a, const void **b) {
    (void)c; if (a) *a = NULL; if (b) *b = NULL;
}
EXPORT void ucnv_setToUCallBack(void *c, void *f, const void *ctx, void **of, const void **oc,
                                UErrorCode *err) {
    (void)c; (void)f; (void)ctx; (void)of; (void)oc; fail(err, U_ILLEGAL_ARGUMENT_ERROR);
}
EXPORT void ucnv_setFromUCallBack(void *c, void *f, const void *ctx, void **of,
                                  const void **oc, UErrorCode *err) {
    (void)c; (void)f; (void)ctx; (void)of; (void)oc; fail(err, U_ILLEGAL_ARGUMENT_ERROR);
}
EXPORT void ucnv_toUnicode(void *c, void **t, const void *tl, const char **s, const char *sl,
                           int32_t *o, int8_t f, UErrorCode *err) {
    (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f;
    fail(err, U_ILLEGAL_ARGUMENT_ERROR);
}
EXPORT void ucnv_fromUnicode(void *c, char **t, const char *tl, const void **s, const void *sl,
                             int32_t *o, int8_t f, UErrorCode *err) {
    (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f;
    fail(err, U_ILLEGAL_ARGUMENT_ERROR);
}
EXPORT int32_t ucnv_toUCountPending(const void *c, UErrorCode *err) {
    (void)c; fail(err, U_ILLEGAL_ARGUMENT_ERROR); return 0;
}
EXPORT int32_t ucnv_fromUCountPending(const void *c, UErrorCode *err) {
    (void)c; fail(err, U_ILLEGAL_ARGUMENT_ERROR); return 0;
}
EXPORT void ucnv_cbToUWriteUChars(void *a, const void *s, int32_t l, int32_t o, UErrorCode *err) {
    (void)a; (void)s; (void)l; (void)o; fail(err, U_ILLEGAL_ARGUMENT_ERROR);
}
EXPORT void ucnv_cbFromUWriteUChars(void *a, const void **s, const void *sl, int32_t o,
                                    UErrorCode *err) {
    (void)a; (void)s; (void)sl; (void)o; fail(err, U_ILLEGAL_ARGUMENT_ERROR);
}
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *ctx, void *a, const void *c, int32_t l,
                                            int32_t cp, int r, UErrorCode *err) {
    (void)ctx; (void)a; (void)c; (void)l; (void)cp; (void)r; (void)err;
}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *ctx, void *a, const char *c, int32_t l,
                                          int r, UErrorCode *err) {
    (void)ctx; (void)a; (void)c; (void)l; (void)r; (void)err;
}
