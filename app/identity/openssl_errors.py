"""Empties this thread's OpenSSL error queue after a PKCS#11 module starts.

Modules built on OpenSSL (SoftHSM2 among them) leave an error there when they initialise
(SoftHSM2 looks for the optional rdrand engine: "NO_SUCH_ENGINE"). Python's ssl shares the
process's libcrypto and reads that queue whenever a TLS read must wait, so the next HTTPS read on
a kept-alive connection in the same thread failed with the module's old error.
"""

import ctypes
import ctypes.util
import logging
from functools import cache

log = logging.getLogger(__name__)
# Python's own libcrypto by the names it has on Linux (OpenSSL 3) and in Python's Windows build.
NAMES = ("crypto", "libcrypto-3-x64", "libcrypto-3")


@cache
def _libcrypto() -> ctypes.CDLL | None:
    for name in NAMES:
        found = ctypes.util.find_library(name)
        if found:
            try:
                return ctypes.CDLL(found)
            except OSError:
                continue
    log.debug("no libcrypto found: OpenSSL errors of PKCS#11 modules stay queued")
    return None


def clear() -> None:
    lib = _libcrypto()
    if lib is not None:
        lib.ERR_clear_error()
