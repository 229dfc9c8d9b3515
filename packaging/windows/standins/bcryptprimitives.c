/* Stand-in for Windows' bcryptprimitives.dll, for running under Wine only (never shipped).
 *
 * Rust's standard library (inside the `cryptography` wheel) asks ProcessPrng for random
 * bytes; Windows 10/11 export it from bcryptprimitives.dll, Wine 8 does not. RtlGenRandom
 * (advapi32's SystemFunction036) gives the same: bytes from the system's CSPRNG. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
