// parindex commitments: each target's status as of a date, as the appendix table.
#include <iostream>

#include "cli.hpp"

namespace parindex::cli {

namespace {

Words status_words(TargetStatus s) {
  switch (s) {
    case TargetStatus::met: return {"Đạt", "Met"};
    case TargetStatus::on_track: return {"Đúng tiến độ", "On track"};
    case TargetStatus::at_risk: return {"Có nguy cơ không đạt", "At risk"};
    case TargetStatus::missed: return {"Không đạt", "Missed"};
    case TargetStatus::no_data: return {"Chưa có số liệu", "No data"};
  }
  return {"?", "?"};
}

std::string report_text(const TargetReview& r, Language l) {
  if (r.report == ReportState::overdue) return say(l, {"Quá hạn (", "Overdue ("}) + to_iso(r.missed_reports.front()) + ")";
  if (r.report == ReportState::due_soon) return say(l, {"Sắp đến hạn (", "Due soon ("}) + to_iso(*r.next_report) + ")";
  return r.next_report ? say(l, {"Đã báo cáo; kỳ sau ", "Reported; next "}) + to_iso(*r.next_report)
                       : say(l, {"Đã báo cáo", "Reported"});
}

}  // namespace

int run_commitments(const Options& o) {
  if (o.args.size() != 1) throw UsageError("commitments takes one FILE");
  if (!o.as_of) throw UsageError("commitments needs --as-of DATE");
  Commitment c = load_commitment(o.args[0]);
  // A dossier log may hold any year, so its calendar spans them all; the review needs the period.
  WorkCalendar calendar = o.dossier_log.empty() ? calendar_for(o, c.period_first.year(), c.period_last.year() + 1)
                                                : calendar_for(o, 2013, lunar_last_year);
  if (!o.dossier_log.empty()) {
    DossierOptions options;
    options.as_of = *o.as_of;
    options.group_by = {GroupKey::level};
    options.convention.receipt_day_counts = o.receipt_day_counts;
    options.convention.cutoff_minute = o.cutoff_minute;
    DossierMetrics m = read_dossiers(o.dossier_log, calendar, options);
    record_dossier_actuals(c, m.all, *o.as_of);
    std::cerr << "dossier log: rows read " << m.rows_read << " = used " << m.rows_used << " + rejected " << m.rows_rejected << "\n";
  }
  CommitmentReview r;
  try {
    r = review(c, calendar, *o.as_of, o.within_days);
  } catch (const error& e) {
    throw e.located_in(o.args[0] + ": ");  // the commitment file, then the target
  }
  if (o.format == Format::json) {
    std::cout << to_json(r);
    return 0;
  }
  // The appendix's columns as the seed's form has them (in Vietnamese by default).
  Table t{say(o.lang, {{"STT", "No."}, {"Nội dung cam kết", "Commitment"}, {"Chỉ tiêu", "Target"}, {"Kết quả", "Result"},
                       {"Dự báo cuối năm", "Year-end projection"}, {"Đánh giá", "Assessment"}, {"Báo cáo", "Report"},
                       {"Cơ quan chịu trách nhiệm", "Responsible"}}),
          {true, false, false, false, true, false, false, false}, {}};
  if (o.format == Format::csv) {
    t.headers = {"id", "title", "target", "comparator", "target_value", "unit", "latest", "latest_period", "projection", "status", "report", "next_report",
                 "missed_reports", "responsible", "explanation"};
  }
  int n = 0;
  for (const auto& tr : r.targets) {
    const Target& target = *tr.target;
    std::string goal = std::string(to_symbol(target.comparator)) + " " + format_shortest(target.value) + target.unit;
    std::string proj = tr.projection ? format_fixed(*tr.projection, 2) + target.unit : "";
    if (o.format == Format::csv) {
      std::string missed;
      for (const auto& d : tr.missed_reports) missed += (missed.empty() ? "" : ", ") + to_iso(d);
      t.add({target.id, target.title, goal, to_symbol(target.comparator), format_shortest(target.value), target.unit, tr.latest ? format_shortest(tr.latest->value) : "",
             tr.latest ? tr.latest->period : "", tr.projection ? format_fixed(*tr.projection, 2) : "", to_string(tr.status),
             to_string(tr.report), tr.next_report ? to_iso(*tr.next_report) : "", missed, target.responsible, tr.explanation});
    } else {
      t.add({std::to_string(++n), target.title, goal,
             tr.latest ? format_shortest(tr.latest->value) + target.unit + " (" + tr.latest->period + ")" : "", proj,
             say(o.lang, status_words(tr.status)), report_text(tr, o.lang), target.responsible});
    }
  }
  if (o.format != Format::csv) {
    const std::string h = o.format == Format::markdown ? "### " : "";
    std::cout << h << say(o.lang, {"PHỤ LỤC: Kết quả thực hiện cam kết — ", "APPENDIX: Commitments kept — "})
              << c.unit.name << " · " << c.number << say(o.lang, {" · tính đến ", " · as of "}) << to_iso(r.as_of) << "\n\n";
  }
  t.render(std::cout, o.format);
  return 0;
}

}  // namespace parindex::cli
