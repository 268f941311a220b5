// The interface version, checked by callers at start-up as SQLite's and tree-sitter's are.
#include "parindex/parindex.h"
#include "parindex/version.hpp"

extern "C" {

int parindex_c_api_version(void) { return PARINDEX_C_API_VERSION; }

// A caller built against an older minor version finds every function it knows; a newer minor
// may call functions this library lacks, and another major expects other layouts.
int parindex_c_api_compatible(int header_version) {
  return header_version / 1000 == PARINDEX_C_API_VERSION_MAJOR && header_version % 1000 <= PARINDEX_C_API_VERSION_MINOR
             ? 1
             : 0;
}

const char* parindex_library_version(void) { return parindex::version; }

}  // extern "C"
