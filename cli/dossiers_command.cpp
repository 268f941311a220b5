// parindex dossiers: one-stop dossier logs as metrics.
#include <iostream>

#include "cli.hpp"

namespace parindex::cli {

namespace {

std::string pct(const std::optional<double>& v) { return v ? format_fixed(*v, 2) : ""; }

std::vector<GroupKey> keys_from(const std::string& text) {
  std::vector<GroupKey> keys;
  std::size_t start = 0;
  while (true) {
    std::size_t comma = text.find(',', start);
    std::string k = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    bool found = false;
    for (GroupKey g : {GroupKey::unit, GroupKey::level, GroupKey::procedure, GroupKey::field, GroupKey::year,
                       GroupKey::quarter, GroupKey::month}) {
      if (k == to_string(g)) {
        keys.push_back(g);
        found = true;
      }
    }
    if (!found) throw UsageError("--by: unknown key \"" + k + "\"; expected unit, level, procedure, field, year, quarter, month");
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return keys;
}

void print_reconciliation(std::ostream& out, const DossierMetrics& m) {
  out << "rows read " << m.rows_read << " = used " << m.rows_used << " + rejected " << m.rows_rejected;
  if (!m.rejected_by.empty()) {
    out << " (";
    bool first = true;
    for (const auto& [kind, n] : m.rejected_by) {
      out << (first ? "" : ", ") << kind << " " << n;
      first = false;
    }
    out << ")";
  }
  out << "\n";
  std::size_t shown = 0;
  for (const auto& r : m.rejections) {
    if (++shown > 10) {
      out << "  ... and " << (m.rows_rejected - 10) << " more\n";
      break;
    }
    out << "  line " << r.line << ": " << r.reason << "\n";
  }
}

}  // namespace

// One row per group in the columns of Python's DossierMetrics.to_frame(): the keys, every
// count, every share in % (empty where undefined).
static void print_metrics_csv(const DossierMetrics& m) {
  Table t{{}, {}, {}};
  for (auto k : m.group_by) t.headers.push_back(to_string(k));
  for (const char* h : {"total", "early", "on_time", "late", "pending", "pending_overdue", "fully_online", "paid_online",
                        "digitised", "apologised", "on_time_rate", "fully_online_share", "paid_online_share",
                        "digitised_share", "apology_coverage"}) {
    t.headers.push_back(h);
  }
  for (const auto& g : m.groups) {
    auto cells = g.key;
    const auto& c = g.counts;
    for (auto v : {c.total, c.early, c.on_time, c.late, c.pending, c.pending_overdue, c.fully_online, c.paid_online,
                   c.digitised, c.apologised}) {
      cells.push_back(std::to_string(v));
    }
    for (const auto& v : {c.on_time_rate(), c.fully_online_share(), c.paid_online_share(), c.digitised_share(),
                          c.apology_coverage()}) {
      cells.push_back(v ? format_shortest(round_half_up(*v, 9)) : "");
    }
    t.add(std::move(cells));
  }
  t.render(std::cout, Format::csv);
}

int run_dossiers(const Options& o) {
  if (o.args.size() != 1) throw UsageError("dossiers takes one LOG.csv");
  DossierOptions options;
  options.as_of = o.as_of ? *o.as_of : boost::gregorian::day_clock::local_day();
  options.group_by = keys_from(o.by.empty() ? "unit" : o.by);
  options.stop_at_first_error = o.strict;
  options.keep_late = o.late;
  options.convention.receipt_day_counts = o.receipt_day_counts;
  options.convention.cutoff_minute = o.cutoff_minute;
  options.threads = o.threads;
  WorkCalendar calendar = calendar_for(o, 2013, lunar_last_year);
  DossierMetrics m = read_dossiers(o.args[0], calendar, options);

  if (o.late) {
    // The columns of Python's DossierMetrics.late_frame().
    Table t{{"line", "id", "unit", "level", "procedure", "field", "received", "due", "resolved", "status",
             "working_days_late", "apologised"},
            {true, false, false, false, false, false, false, false, false, false, true, false}, {}};
    for (const auto& l : m.late) {
      t.add({std::to_string(l.line), l.id, l.unit, l.level, l.procedure, l.field, to_iso(l.received), to_iso(l.due),
             l.resolved ? to_iso(*l.resolved) : "", to_string(l.status), std::to_string(l.working_days_late),
             l.apologised ? "true" : "false"});
    }
    t.render(std::cout, o.format == Format::json ? Format::csv : o.format);
    print_reconciliation(o.format == Format::table ? std::cout : std::cerr, m);
    return 0;
  }
  if (o.format == Format::json) {
    std::cout << to_json(m, options.as_of);
    return 0;
  }
  if (o.format == Format::csv) {
    print_metrics_csv(m);
    print_reconciliation(std::cerr, m);
    return 0;
  }
  Table t{{}, {}, {}};
  for (auto k : m.group_by) {
    t.headers.push_back(to_string(k));
    t.right_aligned.push_back(false);
  }
  for (const char* h : {"total", "early", "on_time", "late", "pending", "overdue", "on_time_%", "online_%", "paid_%",
                        "digitised_%", "apology_%"}) {
    t.headers.push_back(h);
    t.right_aligned.push_back(true);
  }
  auto row = [&](std::vector<std::string> cells, const DossierCounts& c) {
    for (auto v : {c.total, c.early, c.on_time, c.late, c.pending, c.pending_overdue}) cells.push_back(std::to_string(v));
    for (const auto& v : {c.on_time_rate(), c.fully_online_share(), c.paid_online_share(), c.digitised_share(),
                          c.apology_coverage()}) {
      cells.push_back(pct(v));
    }
    t.add(std::move(cells));
  };
  for (const auto& g : m.groups) row(g.key, g.counts);
  std::vector<std::string> all(m.group_by.size(), "");
  all[0] = "(all)";
  row(all, m.all);
  t.render(std::cout, o.format);
  print_reconciliation(std::cout, m);
  return 0;
}

}  // namespace parindex::cli
