// parindex improve: a unit's cheapest route to a rank, group, index % or past another unit.
#include <iostream>

#include "cli.hpp"

namespace parindex::cli {

namespace {

std::string standing(double total, double max, double index, int rank, int of, const std::string& group) {
  RankedUnit u;
  u.rank = rank;
  u.of = of;
  return format_fixed(total, 2) + " of " + format_fixed(max, 2) + " points, " + format_fixed(index, 2) + "%, rank " +
         u.rank_label() + (group.empty() ? "" : ", group " + group);
}

Table steps_table(const ImprovementPlan& p) {
  Table t{{"code", "criterion", "rule", "current_input", "required_input", "points", "new_points", "gain", "cost", "lead_agency"},
          {false, false, false, false, false, true, true, true, true, false},
          {}};
  for (const auto& s : p.steps) {
    t.add({s.code.str(), s.title, s.rule, s.current_input, s.required_input, format_fixed(s.current_points, 2),
           format_fixed(s.new_points, 2), format_fixed(s.gain, 2), format_shortest(round_half_up(s.cost, 6)), s.lead_agency});
  }
  return t;
}

void print_summary(const ImprovementPlan& p) {
  std::cout << p.unit.name << " (" << p.unit.code << ") · target " << p.target.str() << "\n";
  std::cout << "now:   " << standing(p.current_total, p.max_points, p.current_index_percent, p.current_rank, p.of, p.current_group) << "\n";
  if (!p.reachable) {
    std::cout << "unreachable: every improvement within reach gives "
              << standing(p.total, p.max_points, p.index_percent, p.rank, p.of, p.group) << "\n\n";
  } else if (p.steps.empty()) {
    std::cout << "already met\n";
    return;
  } else {
    std::cout << "after: " << standing(p.total, p.max_points, p.index_percent, p.rank, p.of, p.group) << "; needs at least "
              << format_fixed(p.required_total, 2) << " points; cost " << format_shortest(round_half_up(p.cost, 6)) << "\n\n";
  }
}

}  // namespace

int run_improve(const Options& o) {
  if (o.unit.empty()) throw UsageError("improve needs --unit CODE");
  if (o.target.empty()) throw UsageError("improve needs --target rank=K, group=NAME, index=PERCENT or pass=UNIT");
  const Assessed in = assessment_arguments(o);
  ImprovementOptions options;
  options.target = ImprovementTarget::parse(o.target);
  if (!o.efforts_file.empty()) options.efforts = load_efforts(o.efforts_file);
  options.survey_criteria = o.survey_criteria;
  options.ranking = rank_options(o);
  options.others_index_percent = o.hold;
  const ImprovementPlan plan = improve(in.framework, in.assessments, o.unit, options);
  if (o.format == Format::json) {
    std::cout << to_json(plan);
    return 0;
  }
  if (o.format == Format::table || o.format == Format::markdown) print_summary(plan);
  if (!plan.steps.empty() || o.format == Format::csv) steps_table(plan).render(std::cout, o.format);
  return 0;
}

}  // namespace parindex::cli
