// glibc's malloc_trim, which a run calls after each region to hand freed memory back to the system.
// Header only: the functions are in libc, so there is nothing to link.
#ifndef PAINMAP_CMALLOC_SHIM_H
#define PAINMAP_CMALLOC_SHIM_H

#if defined(__linux__)
#include <malloc.h>
#endif

#endif
