// Many units evaluated in one pass by the batch kernel.
#include "boundary.hpp"
#include "handles.hpp"
#include "scoring.hpp"

using namespace parindex::capi;

namespace {

std::size_t unit_index(const parindex_batch& batch, size_t index) {
  if (index >= batch.assessments.size()) {
    bad_argument("index", std::to_string(index) + " is not below the batch's " +
                              std::to_string(batch.assessments.size()) + " units");
  }
  return index;
}

}  // namespace

extern "C" {

parindex_status parindex_evaluate_many(const parindex_framework* framework,
                                       const parindex_assessment* const* assessments, size_t count,
                                       parindex_batch** out) {
  return guarded(__func__, [&] {
    auto& result = out_pointer(out);
    need(framework, "framework");
    if (count > 0) need(assessments, "assessments");
    std::vector<parindex::Assessment> inputs;
    inputs.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      if (!assessments[i]) bad_argument("assessments", "element " + std::to_string(i) + " is NULL");
      inputs.push_back(assessments[i]->value);
    }
    auto batch = parindex::evaluate_many(framework->value, inputs);
    result = new parindex_batch{framework->value, std::move(inputs), std::move(batch)};
  });
}

void parindex_batch_free(parindex_batch* batch) { delete batch; }

parindex_status parindex_batch_size(const parindex_batch* batch, size_t* out) {
  return guarded(__func__, [&] { *need(out, "out") = need(batch, "batch")->assessments.size(); });
}

parindex_status parindex_batch_totals(const parindex_batch* batch, size_t index, parindex_totals* out) {
  return guarded(__func__, [&] {
    need(out, "out");
    const auto& b = *need(batch, "batch");
    // The kernel's own numbers: the explained scorecard is written from them, so they agree.
    const auto& s = b.result.scores;
    const std::size_t i = unit_index(b, index);
    *out = parindex_totals{s.scale_max[i], s.scale_achieved[i], s.bonus[i], s.penalty[i],
                           s.total[i],     s.index_percent[i],  b.framework.info().rounding.decimals};
  });
}

parindex_status parindex_batch_scorecard(const parindex_batch* batch, size_t index, parindex_scorecard** out) {
  return guarded(__func__, [&] {
    auto& result = out_pointer(out);
    const auto& b = *need(batch, "batch");
    const std::size_t i = unit_index(b, index);
    result = new parindex_scorecard{parindex::scorecard(b.framework, b.result, i, &b.assessments[i])};
  });
}

parindex_status parindex_batch_rank_json(const parindex_batch* batch, parindex_grouping grouping, int tie_decimals,
                                         char** out) {
  return guarded(__func__, [&] {
    auto& result = out_pointer(out);
    const auto& b = *need(batch, "batch");
    result = caller_string(parindex::to_json(parindex::rank(b.framework, b.result, rank_options(grouping, tie_decimals))));
  });
}

}  // extern "C"
