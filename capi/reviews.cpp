// Plans and commitments reviewed as of a date.
#include "boundary.hpp"
#include "dates.hpp"
#include "handles.hpp"

using namespace parindex::capi;

namespace {

int horizon(int days) {
  if (days < 0 || days > 3660) bad_argument("horizon_days", "expected 0 to 3660 days, got " + std::to_string(days));
  return days;
}

}  // namespace

extern "C" {

parindex_status parindex_plan_review_json(const parindex_plan* plan, const parindex_calendar* calendar,
                                          parindex_date as_of, int horizon_days, char** out) {
  return guarded(__func__, [&] {
    auto& result = out_pointer(out);
    const auto review = parindex::review(need(plan, "plan")->value, need(calendar, "calendar")->value,
                                         to_date(as_of, "as_of"), horizon(horizon_days));
    result = caller_string(parindex::to_json(review));
  });
}

parindex_status parindex_commitment_review_json(const parindex_commitment* commitment,
                                                const parindex_calendar* calendar, parindex_date as_of,
                                                int horizon_days, char** out) {
  return guarded(__func__, [&] {
    auto& result = out_pointer(out);
    const auto review = parindex::review(need(commitment, "commitment")->value, need(calendar, "calendar")->value,
                                         to_date(as_of, "as_of"), horizon(horizon_days));
    result = caller_string(parindex::to_json(review));
  });
}

}  // extern "C"
