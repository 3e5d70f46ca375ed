/* bcryptprimitives.dll for Wine 8, which has none: Rust's standard
 * library (1.78+) imports ProcessPrng from it, so without this DLL in the
 * prefix's system32 every Rust exe dies at start-up. ProcessPrng fills the
 * buffer from the OS generator, as on Windows; here RtlGenRandom
 * (advapi32's SystemFunction036), which Wine implements. Built with the
 * mingw compiler by scripts/wine/prefix.sh. Test scaffolding only: never
 * shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
