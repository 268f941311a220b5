// parindex uncertainty: how sure each rank is, by Monte Carlo over the uncertain points.
#include <iostream>

#include "cli.hpp"

namespace parindex::cli {

namespace {

std::string share(std::uint32_t count, std::size_t draws) {
  return format_fixed(static_cast<double>(count) / static_cast<double>(draws), 3);
}

Table rank_table(const UncertaintyResult& r) {
  Table t{{"unit", "name", "nominal_rank", "median_rank", "rank_p5", "rank_p95", "mean_rank"},
          {false, false, true, true, true, true, true},
          {}};
  for (const auto& g : r.groups) t.headers.push_back("p_group_" + g);
  for (const auto& v : r.versus) t.headers.push_back("p_above_" + v);
  t.right_aligned.resize(t.headers.size(), true);
  for (std::size_t u = 0; u < r.units.size(); ++u) {
    std::vector<std::string> row{r.units[u].code,
                                 r.units[u].name,
                                 std::to_string(r.nominal_rank[u]),
                                 std::to_string(r.rank_quantile(u, 0.5)),
                                 std::to_string(r.rank_quantile(u, 0.05)),
                                 std::to_string(r.rank_quantile(u, 0.95)),
                                 format_fixed(r.mean_rank(u), 2)};
    for (std::size_t g = 0; g < r.groups.size(); ++g) row.push_back(share(r.group_frequency[u * r.groups.size() + g], r.draws));
    for (std::size_t v = 0; v < r.versus.size(); ++v) row.push_back(share(r.above[u * r.versus.size() + v], r.draws));
    t.add(std::move(row));
  }
  return t;
}

Table sensitivity_table(const UncertaintyResult& r) {
  Table t{{"factor", "first_order", "total"}, {false, true, true}, {}};
  for (const auto& s : r.sensitivity) t.add({s.name, format_fixed(s.first_order, 3), format_fixed(s.total, 3)});
  return t;
}

}  // namespace

int run_uncertainty(const Options& o) {
  if (o.survey_error <= 0 && o.appraisal_range <= 0) {
    throw UsageError("uncertainty needs --survey-error PP or --appraisal-range P (or both): nothing is uncertain yet");
  }
  const Assessed in = assessment_arguments(o);
  const BatchResult batch = evaluate_many(in.framework, in.assessments);
  UncertaintyOptions options;
  if (o.survey_error > 0) options.factors = survey_factors(in.framework, o.survey_error);
  if (o.appraisal_range > 0) {
    for (auto& f : appraisal_factors(in.framework, batch, o.appraisal_range)) options.factors.push_back(std::move(f));
  }
  options.draws = static_cast<std::size_t>(o.draws);
  options.seed = o.seed;
  options.threads = static_cast<unsigned>(o.threads);
  options.ranking = rank_options(o);
  options.versus = o.versus;
  options.sensitivity = o.sensitivity;
  const UncertaintyResult r = rank_uncertainty(in.framework, batch, options);
  if (o.format == Format::json) {
    std::cout << to_json(r);
    return 0;
  }
  if (o.format != Format::csv) {
    std::cout << (o.format == Format::markdown ? "### " : "") << in.framework.id() << " · " << batch.year << " · "
              << r.draws << " draws, seed " << o.seed << ", " << options.factors.size() << " uncertain factors\n\n";
  }
  rank_table(r).render(std::cout, o.format);
  if (!r.sensitivity.empty() && o.format != Format::csv) {
    std::cout << "\n";
    sensitivity_table(r).render(std::cout, o.format);
  }
  return 0;
}

}  // namespace parindex::cli
