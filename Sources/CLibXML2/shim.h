// The libxml2 headers painmap uses: the streaming xmlTextReader API, parser options and structured errors.
// Include paths come from pkg-config (libxml-2.0), declared in Package.swift.
#ifndef PAINMAP_CLIBXML2_SHIM_H
#define PAINMAP_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>

// Debian builds libxml2 with ICU, so <libxml/encoding.h> would include the system's <unicode/ucnv.h>. Foundation
// ships its own copy of the ICU headers (module _FoundationICU) and Clang refuses the two differing definitions of
// `UErrorCode` in one program. Only the tail of `xmlCharEncodingHandler` (two `uconv_t *` fields) depends on this
// macro; painmap never touches that struct, only pointers to it, so hiding the ICU declarations is safe.
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#endif
