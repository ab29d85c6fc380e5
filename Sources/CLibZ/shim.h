// The zlib API painmap uses: raw inflate of ZIP entries and crc32_z.
// Include paths come from pkg-config (zlib), declared in Package.swift.
#ifndef PAINMAP_CLIBZ_SHIM_H
#define PAINMAP_CLIBZ_SHIM_H

#include <zlib.h>

// `inflateInit2` is a function-like macro (it passes ZLIB_VERSION and sizeof(z_stream)), which Swift cannot import.
// Window bits -15: a raw deflate stream with a 32 KiB window and no zlib header or trailer, as ZIP stores it.
static inline int painmap_inflate_init_raw(z_streamp stream) {
    return inflateInit2(stream, -15);
}

#endif
