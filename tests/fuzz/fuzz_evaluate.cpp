// Evaluation end to end: a framework and one or more assessments, separated by NUL bytes.
// Each assessment written and read back equal; each scorecard's points finite and within
// [0, max]; the batch kernel gives every unit the total evaluate() gives; ranks cover every
// unit once; scorecards, gaps and rankings are written as JSON that parses again.
#include <cmath>
#include <nlohmann/json.hpp>
#include <vector>

#include "fuzz_support.hpp"
#include "parindex/io/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_one(data, size, [](std::string_view text) {
    auto [fw_text, rest] = fuzz_split(text);
    const parindex::Framework fw = parindex::framework_from_json(fw_text);
    std::vector<parindex::Assessment> assessments;
    std::vector<parindex::Scorecard> cards;
    while (!rest.empty() && assessments.size() < 8) {
      auto [one, more] = fuzz_split(rest);
      rest = more;
      parindex::Assessment a = parindex::assessment_from_json(one);
      FUZZ_CHECK(parindex::assessment_from_json(parindex::to_json(a)) == a);
      parindex::Scorecard card = parindex::evaluate(fw, a);
      for (const auto& line : card.lines) {
        FUZZ_CHECK(std::isfinite(line.achieved) && std::isfinite(line.max_points));
        FUZZ_CHECK(line.achieved >= -1e-9 && line.achieved <= line.max_points + 1e-9);
      }
      FUZZ_CHECK(std::isfinite(card.total()) && card.total() >= 0 && std::isfinite(card.scale_max));
      FUZZ_CHECK(nlohmann::json::accept(parindex::to_json(card)));
      FUZZ_CHECK(nlohmann::json::accept(parindex::to_json(parindex::gaps(card))));
      assessments.push_back(std::move(a));
      cards.push_back(std::move(card));
    }
    if (cards.empty()) return;
    const parindex::Ranking ranking = parindex::rank(cards);
    FUZZ_CHECK(ranking.units.size() == cards.size());
    for (const auto& u : ranking.units) FUZZ_CHECK(u.rank >= 1 && u.rank <= static_cast<int>(cards.size()));
    FUZZ_CHECK(nlohmann::json::accept(parindex::to_json(ranking)));
    // Units evaluated together in the kernel: the same totals as one at a time.
    bool one_year = true;
    for (const auto& a : assessments) one_year = one_year && a.year == assessments[0].year;
    if (!one_year) return;
    const parindex::BatchResult batch = parindex::evaluate_many(fw, assessments);
    FUZZ_CHECK(batch.units.size() == cards.size());
    for (std::size_t i = 0; i < cards.size(); ++i) {
      const parindex::Scorecard again = parindex::scorecard(fw, batch, i, &assessments[i]);
      FUZZ_CHECK(std::fabs(again.total() - cards[i].total()) <= 1e-9 * std::max(1.0, std::fabs(cards[i].total())));
      FUZZ_CHECK(std::fabs(again.scale_max - cards[i].scale_max) <= 1e-9 * std::max(1.0, std::fabs(cards[i].scale_max)));
    }
    FUZZ_CHECK(parindex::rank(fw, batch).units.size() == cards.size());
  });
}
