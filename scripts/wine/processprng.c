/* A test fixture for running Limber under Wine 8, which has no
 * bcryptprimitives.dll: Go >= 1.22 calls ProcessPrng from it for
 * crypto/rand and the runtime's seed. Real Windows (8 and later) has the
 * function; this DLL is only ever copied into a throwaway Wine prefix by
 * scripts/wine-session.sh. ProcessPrng over RtlGenRandom
 * (SystemFunction036 in advapi32), which Wine does have. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x7fffffff ? 0x7fffffff : (ULONG)len;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
