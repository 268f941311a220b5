// Shared objects used from several threads at once, as a reporting service does: one framework,
// one calendar, one dossier log read in parts. Every result must equal the single-threaded one;
// scripts/sanitize.sh runs these under ThreadSanitizer, which fails on any data race.
#include <functional>
#include <string>
#include <utility>
#include <thread>
#include <vector>

#include "langson.hpp"
#include "parindex/calendar/lunar.hpp"
#include "parindex/calendar/work_calendar.hpp"
#include "parindex/core/batch.hpp"
#include "parindex/core/ranking.hpp"
#include "parindex/core/scorecard.hpp"
#include "parindex/core/uncertainty.hpp"
#include "parindex/dossiers/dossier_log.hpp"

using namespace parindex;

namespace {

constexpr int workers = 4;

// Runs job(worker) on `workers` threads at once and waits for them all.
void together(const std::function<void(int)>& job) {
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) threads.emplace_back(job, w);
  for (auto& t : threads) t.join();
}

std::vector<long long> counts_of(const DossierCounts& c) {
  return {c.total, c.early, c.on_time, c.late, c.pending, c.pending_overdue,
          c.fully_online, c.paid_online, c.digitised, c.apologised};
}

// Everything a read reports, as comparable values: the figures, and the groups' keys.
using Summary = std::pair<std::vector<std::vector<long long>>, std::vector<std::vector<std::string>>>;

Summary summary(const DossierMetrics& m) {
  Summary out;
  auto& [figures, keys] = out;
  figures.push_back({static_cast<long long>(m.rows_read), static_cast<long long>(m.rows_used),
                     static_cast<long long>(m.rows_rejected)});
  figures.push_back(counts_of(m.all));
  for (const auto& g : m.groups) {
    figures.push_back(counts_of(g.counts));
    keys.push_back(g.key);
  }
  for (const auto& late : m.late) figures.push_back({static_cast<long long>(late.line), late.working_days_late});
  return out;
}

}  // namespace

TEST(Concurrency, OneFrameworkEvaluatedOnManyThreads) {
  const Framework fw = langson();
  const auto units = langson_units();
  std::vector<double> expected;
  for (const auto& a : units) expected.push_back(evaluate(fw, a).total());
  const BatchResult batch = evaluate_many(fw, units);
  const Ranking expected_ranks = rank(fw, batch);

  std::vector<std::vector<double>> totals(workers);
  std::vector<Ranking> ranks(workers);
  together([&](int w) {
    for (int round = 0; round < 5; ++round) {
      totals[w].clear();
      for (const auto& a : units) totals[w].push_back(evaluate(fw, a).total());
      ranks[w] = rank(fw, evaluate_many(fw, units));
    }
  });
  for (int w = 0; w < workers; ++w) {
    EXPECT_EQ(totals[w], expected) << "worker " << w;
    ASSERT_EQ(ranks[w].units.size(), expected_ranks.units.size());
    for (std::size_t i = 0; i < expected_ranks.units.size(); ++i) {
      EXPECT_EQ(ranks[w].units[i].unit.code, expected_ranks.units[i].unit.code);
      EXPECT_EQ(ranks[w].units[i].rank, expected_ranks.units[i].rank);
    }
  }
}

TEST(Concurrency, OneCalendarQueriedOnManyThreads) {
  const WorkCalendar calendar = vietnam_calendar(2020, 2030);
  const Date start(2024, 1, 2);
  auto answers = [&](int offset) {
    std::vector<long> out;
    for (int i = 0; i < 400; ++i) {
      const Date d = start + boost::gregorian::days(i + offset);
      out.push_back(calendar.add_working_days(d, 15).day_number());
      out.push_back(calendar.count_working_days(start, d));
      out.push_back(calendar.is_working_day(d));
      const LunarDate lunar = to_lunar(d);
      out.push_back(lunar.year * 10000 + lunar.month * 100 + lunar.day);
    }
    return out;
  };
  const auto expected = answers(0);
  std::vector<std::vector<long>> got(workers);
  together([&](int w) {
    // Compositions make new calendars from the shared one while others query it.
    const WorkCalendar extra = calendar.with_days_off({DayOff{Date(2024, 3, 8), "Ngày của tỉnh", false}}, "tỉnh");
    EXPECT_FALSE(extra.is_working_day(Date(2024, 3, 8)));
    got[w] = answers(0);
  });
  for (int w = 0; w < workers; ++w) EXPECT_EQ(got[w], expected) << "worker " << w;
}

TEST(Concurrency, DossierLogsReadInPartsOnManyThreads) {
  const WorkCalendar calendar = vietnam_calendar(2023, 2024);
  DossierOptions o;
  o.as_of = Date(2023, 12, 31);
  o.keep_late = true;
  o.threads = 1;
  const auto path = source_path("examples/dossiers/bac-son-2023.invented.csv");
  const auto expected = summary(read_dossiers(path, calendar, o));
  ASSERT_GT(expected.first.size(), 3u);
  ASSERT_GT(expected.second.size(), 1u);

  std::vector<Summary> got(workers);
  together([&](int w) {
    DossierOptions mine = o;
    mine.threads = 2 + w;               // each reader splits the file in its own number of parts
    mine.buffer_bytes = 997 + 131 * w;  // and reads it in small, odd-sized pieces
    got[w] = summary(read_dossiers(path, calendar, mine));
  });
  for (int w = 0; w < workers; ++w) EXPECT_EQ(got[w], expected) << "worker " << w;
}

TEST(Concurrency, MonteCarloRunsBesideOtherMonteCarlos) {
  const Framework fw = langson();
  const BatchResult batch = evaluate_many(fw, langson_units());
  UncertaintyOptions o;
  o.factors = survey_factors(fw, 2.0);
  o.draws = 300;
  o.seed = 11;
  o.threads = 2;
  const auto expected = rank_uncertainty(fw, batch, o).rank_frequency;
  std::vector<std::vector<std::uint32_t>> got(workers);
  together([&](int w) { got[w] = rank_uncertainty(fw, batch, o).rank_frequency; });
  for (int w = 0; w < workers; ++w) EXPECT_EQ(got[w], expected) << "worker " << w;
}
