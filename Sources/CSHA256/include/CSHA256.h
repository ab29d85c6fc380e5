// SHA-256 block compression with the x86 SHA extensions, for file digests (PainmapCore.SHA256).
#ifndef PAINMAP_CSHA256_H
#define PAINMAP_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the SHA extensions (and SSE4.1) that `painmap_sha256_blocks` needs.
int painmap_sha256_accelerated(void);

/// Compresses `count` 64-byte blocks at `blocks` into `state` (a, b, … h), as FIPS 180-4 does.
/// Call only when `painmap_sha256_accelerated()` returned 1.
void painmap_sha256_blocks(uint32_t state[8], const uint8_t *blocks, size_t count);

#endif
