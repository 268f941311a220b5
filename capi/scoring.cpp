// Scorecards, gap tables and rankings of units evaluated one at a time.
#include <vector>

#include "boundary.hpp"
#include "handles.hpp"
#include "scoring.hpp"

namespace parindex::capi {

parindex_totals totals_of(const Scorecard& card) {
  return parindex_totals{card.scale_max, card.scale_achieved, card.bonus,           card.penalty,
                         card.total(),   card.index_percent(),  card.rounding.decimals};
}

RankOptions rank_options(parindex_grouping grouping, int tie_decimals) {
  RankOptions options;
  if (tie_decimals >= 0) options.tie_decimals = tie_decimals;
  switch (grouping) {
    case PARINDEX_GROUPS_NONE: break;
    case PARINDEX_GROUPS_NATIONAL: options.grouping = ThresholdGroups::national_par_index(); break;
    case PARINDEX_GROUPS_QUARTILES: options.grouping = QuartileGroups{}; break;
    default: bad_argument("grouping", "expected PARINDEX_GROUPS_NONE, _NATIONAL or _QUARTILES");
  }
  return options;
}

}  // namespace parindex::capi

using namespace parindex::capi;

extern "C" {

parindex_status parindex_evaluate(const parindex_framework* framework, const parindex_assessment* assessment,
                                  parindex_scorecard** out) {
  return guarded(__func__, [&] {
    auto& result = out_pointer(out);
    const auto& card = parindex::evaluate(need(framework, "framework")->value, need(assessment, "assessment")->value);
    result = new parindex_scorecard{card};
  });
}

void parindex_scorecard_free(parindex_scorecard* scorecard) { delete scorecard; }

parindex_status parindex_scorecard_totals(const parindex_scorecard* scorecard, parindex_totals* out) {
  return guarded(__func__, [&] { *need(out, "out") = totals_of(need(scorecard, "scorecard")->value); });
}

parindex_status parindex_scorecard_unit(const parindex_scorecard* scorecard, const char** out) {
  return guarded(__func__, [&] {
    auto& result = out_pointer(out);
    result = need(scorecard, "scorecard")->value.unit.code.c_str();
  });
}

parindex_status parindex_scorecard_json(const parindex_scorecard* scorecard, char** out) {
  return guarded(__func__, [&] {
    auto& result = out_pointer(out);
    result = caller_string(parindex::to_json(need(scorecard, "scorecard")->value));
  });
}

parindex_status parindex_gaps_json(const parindex_scorecard* scorecard, char** out) {
  return guarded(__func__, [&] {
    auto& result = out_pointer(out);
    result = caller_string(parindex::to_json(parindex::gaps(need(scorecard, "scorecard")->value)));
  });
}

parindex_status parindex_rank_json(const parindex_scorecard* const* scorecards, size_t count,
                                   parindex_grouping grouping, int tie_decimals, char** out) {
  return guarded(__func__, [&] {
    auto& result = out_pointer(out);
    if (count > 0) need(scorecards, "scorecards");
    // The C++ ranking takes the scorecards by value, side by side.
    std::vector<parindex::Scorecard> cards;
    cards.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      if (!scorecards[i]) bad_argument("scorecards", "element " + std::to_string(i) + " is NULL");
      cards.push_back(scorecards[i]->value);
    }
    result = caller_string(parindex::to_json(parindex::rank(cards, rank_options(grouping, tie_decimals))));
  });
}

}  // extern "C"
