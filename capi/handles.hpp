// Internal: what the opaque C handles hold. Each is immutable once made, so handles may be
// shared between threads.
#pragma once

#include <vector>

#include "parindex/parindex.hpp"

struct parindex_framework {
  parindex::Framework value;
};
struct parindex_assessment {
  parindex::Assessment value;
};
struct parindex_plan {
  parindex::Plan value;
};
struct parindex_commitment {
  parindex::Commitment value;
};
struct parindex_scorecard {
  parindex::Scorecard value;
};
// A batch keeps its framework and assessments: a unit's explained scorecard needs both.
struct parindex_batch {
  parindex::Framework framework;
  std::vector<parindex::Assessment> assessments;
  parindex::BatchResult result;
};
struct parindex_calendar {
  parindex::WorkCalendar value;
};
