#ifndef THREADMINER_CLIBXML2_SHIM_H
#define THREADMINER_CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU; hiding that keeps ICU's UErrorCode out of
// this module so it cannot clash with Foundation's copy (see SWIFT-NOTES.md).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
#endif
