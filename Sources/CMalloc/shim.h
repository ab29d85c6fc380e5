// glibc's allocator controls painmap sets at start-up (mallopt) and after each region (malloc_trim).
// Header only: the functions are in libc, so there is nothing to link.
#ifndef PAINMAP_CMALLOC_SHIM_H
#define PAINMAP_CMALLOC_SHIM_H

#if defined(__linux__)
#include <malloc.h>
#endif

#endif
