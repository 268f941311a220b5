#pragma once

#define PARINDEX_VERSION_MAJOR 0
#define PARINDEX_VERSION_MINOR 1
#define PARINDEX_VERSION_PATCH 0

namespace parindex {
inline constexpr const char* version = "0.1.0";
}
