// Internal: what scoring.cpp and batch.cpp share.
#pragma once

#include "parindex/parindex.h"
#include "parindex/parindex.hpp"

namespace parindex::capi {

parindex_totals totals_of(const Scorecard& card);
// Throws parindex::error (argument) for a grouping outside the enum.
RankOptions rank_options(parindex_grouping grouping, int tie_decimals);

}  // namespace parindex::capi
