// The fast paths of the dossier reader against plain references: the 64-bytes-at-a-time
// record scanner against a byte-by-byte split, the date parser against Boost, and the group
// table against std::map, on inputs made to hit block edges, quotes, non-ASCII bytes and
// growth of the table.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "parindex/dossiers/dossier_tally.hpp"
#include "parindex/dossiers/group_table.hpp"
#include "../../src/dossiers/csv_records.hpp"
#include "../../src/dossiers/dossier_time.hpp"

using namespace parindex;

namespace {

constexpr std::size_t kFields = 4;

struct Expected {
  std::string line;
  std::size_t count = 0;
  std::vector<std::string> fields;  // the first kFields
  bool quoted = false, non_ascii = false;
};

// Byte by byte: what the scanner must find.
std::vector<Expected> reference(const std::string& text) {
  std::vector<Expected> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    Expected e;
    e.line = line;
    std::string field;
    for (char c : line + ",") {
      if (c == ',') {
        if (e.fields.size() < kFields) e.fields.push_back(field);
        ++e.count;
        field.clear();
      } else {
        field += c;
      }
      e.quoted |= c == '"';
      e.non_ascii |= static_cast<unsigned char>(c) >= 0x80;
    }
    out.push_back(e);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

std::vector<Expected> scanned(const std::string& text) {
  std::vector<Expected> out;
  csv_records::for_each_record<kFields>(text, [&](const csv_records::Record<kFields>& r) {
    Expected e;
    e.line = std::string(r.line);
    e.count = r.count;
    for (std::size_t i = 0; i < std::min(r.count, kFields); ++i) e.fields.emplace_back(r.field(i));
    e.quoted = r.quoted;
    e.non_ascii = r.non_ascii;
    out.push_back(e);
    return true;
  });
  return out;
}

void expect_same(const std::vector<Expected>& want, const std::vector<Expected>& got, const std::string& text) {
  ASSERT_EQ(want.size(), got.size()) << text;
  for (std::size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE("record " + std::to_string(i) + " of: " + text);
    EXPECT_EQ(want[i].line, got[i].line);
    EXPECT_EQ(want[i].count, got[i].count);
    EXPECT_EQ(want[i].fields, got[i].fields);
    EXPECT_EQ(want[i].quoted, got[i].quoted);
    EXPECT_EQ(want[i].non_ascii, got[i].non_ascii);
  }
}

}  // namespace

TEST(CsvRecords, RandomTextSplitsAsByteByByte) {
  std::mt19937 rng(7);
  // Mostly letters, so lines run across 64-byte blocks; the rest every byte that matters.
  const std::string alphabet = "abcdefghij,,,,\n\r\"\xC3\xA1\x80";
  for (int round = 0; round < 3000; ++round) {
    std::string text(rng() % 300, ' ');
    const std::size_t letters = rng() % 3 == 0 ? 10 : alphabet.size();
    for (char& c : text) c = alphabet[rng() % letters];
    if (round % 5 == 0) text += std::string(rng() % 200, 'x') + ",y\n";  // long lines
    expect_same(reference(text), scanned(text), text);
  }
}

TEST(CsvRecords, VectorMasksEqualByteByByte) {
  std::mt19937 rng(5);
  const std::string alphabet = ",\n\"\r\x80\xFF\x7F\x00a+-/";
  for (int round = 0; round < 20000; ++round) {
    char block[64];
    for (char& c : block) c = alphabet[rng() % alphabet.size()];
    const auto want = csv_records::classify_scalar(block), got = csv_records::classify(block);
    ASSERT_EQ(got.comma, want.comma);
    ASSERT_EQ(got.newline, want.newline);
    ASSERT_EQ(got.quote, want.quote);
    ASSERT_EQ(got.non_ascii, want.non_ascii);
  }
}

TEST(CsvRecords, EdgesOfTheText) {
  for (const std::string text : std::vector<std::string>{"", "\n", "\n\n", "a", "a,b", "a,b\r\n", "\r", ",,,,,,", std::string(64, 'a') + "\n",
                                 std::string(63, 'a') + "\n" + "b", std::string(128, ',')}) {
    expect_same(reference(text), scanned(text), text);
  }
}

TEST(CsvRecords, StopsWhenAsked) {
  int seen = 0;
  csv_records::for_each_record<kFields>(std::string("a\nb\nc\n"), [&](const csv_records::Record<kFields>&) {
    return ++seen < 2;
  });
  EXPECT_EQ(seen, 2);
}

TEST(DossierTime, EveryDayFrom1400To9999AsBoostHasIt) {
  char text[32];
  for (Date d(1400, 1, 1), end(9999, 12, 31); d <= end; d += boost::gregorian::days(1)) {
    const auto ymd = d.year_month_day();
    std::snprintf(text, sizeof text, "%04d-%02d-%02d 23:59", static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                  static_cast<int>(ymd.day));
    Date parsed;
    int minute = 0;
    ASSERT_TRUE(parse_dossier_time(text, parsed, minute)) << text;
    ASSERT_EQ(parsed, d) << text;
    ASSERT_EQ(minute, 23 * 60 + 59);
  }
}

TEST(DossierTime, ImpossibleDatesAndTimesAreRefused) {
  Date d;
  int minute = 0;
  for (const char* bad : {"2023-02-29", "1900-02-29", "2100-02-29", "2023-04-31", "2023-13-01", "2023-00-10",
                          "2023-01-00", "1399-12-31", "2023-01-01 24:00", "2023-01-01 23:60", "2023-01-01 10:00:60",
                          "2023-01-01 10:0", "2023-01-01x10:00", "2023/01/01", "2023-01-01 10:00:00Z", "-023-01-01",
                          "2023-1-01", "２023-01-01"}) {
    EXPECT_FALSE(parse_dossier_time(bad, d, minute)) << bad;
  }
  // Every digit's place taken by the bytes either side of the digits, and by high bytes.
  const std::string valid = "2023-06-15T10:20:30";
  for (std::size_t i = 0; i < valid.size(); ++i) {
    if (valid[i] < '0' || valid[i] > '9') continue;
    for (char c : {'/', ':', '\x80', '\xB0', '\xFF', '\0', ' '}) {
      std::string bad = valid;
      bad[i] = c;
      EXPECT_FALSE(parse_dossier_time(bad, d, minute)) << "byte " << i << " = " << int(static_cast<unsigned char>(c));
    }
  }
  for (const char* good : {"2000-02-29", "2024-02-29", "1600-02-29", "2023-01-01T10:00:59", "9999-12-31 00:00"}) {
    EXPECT_TRUE(parse_dossier_time(good, d, minute)) << good;
  }
}

// With a hash that tells nothing apart, only the comparison of keys does: keys of 0 to 12
// bytes differing in each place in turn must still be groups of their own.
TEST(GroupTable, KeysThatShareAHashStayApart) {
  detail::GroupTable table;
  std::map<std::string, long long> want;
  for (std::size_t size = 0; size <= 12; ++size) {
    for (std::size_t place = 0; place < std::max<std::size_t>(size, 1); ++place) {
      for (char c : {'a', 'b', '\0'}) {
        std::string key(size, 'a');
        if (size > 0) key[place] = c;
        for (int twice = 0; twice < 2; ++twice) {
          ++table.find_or_add(key, 42).total;
          ++want[key];
        }
      }
    }
  }
  std::map<std::string, long long> got;
  for (std::size_t g = 0; g < table.size(); ++g) got[std::string(table.key(g))] = table.counts(g).total;
  EXPECT_EQ(got, want);
}

TEST(GroupTable, CountsAsAMapDoes) {
  std::mt19937 rng(11);
  detail::GroupTable table;
  std::map<std::string, long long> want;
  for (int i = 0; i < 200000; ++i) {
    // Keys of 0 to 40 bytes, zero bytes included, many repeated.
    std::string key(rng() % 41, '\0');
    for (char& c : key) c = static_cast<char>(rng() % 3);
    detail::KeyHash hash;
    hash.add(key);
    ++table.find_or_add(key, hash.value()).total;
    ++want[key];
  }
  std::map<std::string, long long> got;
  for (std::size_t g = 0; g < table.size(); ++g) got[std::string(table.key(g))] = table.counts(g).total;
  EXPECT_EQ(got, want);
  EXPECT_GT(table.size(), 1000u);  // the table grew many times
}

// The remembering parser answers as the plain one, whether the day was seen before or not.
TEST(DossierTime, TheRememberingParserAgreesWithThePlainOne) {
  DossierTimeParser remembering;
  std::mt19937 rng(3);
  const std::vector<std::string> days{"2023-01-31", "2024-02-29", "2023-02-29", "2023-13-01", "1399-12-31", "9999-12-31"};
  const std::vector<std::string> times{"", " 08:30", "T23:59:59", " 24:00", " 10:60", "T10:00:60", "x10:00", " 1:00"};
  for (int i = 0; i < 5000; ++i) {
    const std::string text = days[rng() % days.size()] + times[rng() % times.size()];
    Date want, got;
    int want_minute = -1, got_minute = -1;
    const bool ok = parse_dossier_time(text, want, want_minute);
    ASSERT_EQ(remembering(text, got, got_minute), ok) << text;
    if (ok) {
      ASSERT_EQ(got, want) << text;
      ASSERT_EQ(got_minute, want_minute) << text;
    }
  }
  // Bytes that are no date, zero bytes included, never match a place not yet filled.
  for (const std::string& zeros : {std::string(10, '\0'), std::string(10, '\0') + " 10:00", std::string(19, '\0')}) {
    Date got;
    int minute = 0;
    EXPECT_FALSE(DossierTimeParser()(zeros, got, minute));
    EXPECT_FALSE(remembering(zeros, got, minute));
  }
  // Every day of the range, each read twice: once parsed, once remembered (or evicted).
  char text[32];
  for (Date d(1400, 1, 1), end(9999, 12, 31); d <= end; d += boost::gregorian::days(997)) {
    const auto ymd = d.year_month_day();
    std::snprintf(text, sizeof text, "%04d-%02d-%02d 07:05", static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                  static_cast<int>(ymd.day));
    for (int twice = 0; twice < 2; ++twice) {
      Date got;
      int minute = 0;
      ASSERT_TRUE(remembering(text, got, minute)) << text;
      ASSERT_EQ(got, d) << text;
      ASSERT_EQ(minute, 7 * 60 + 5);
    }
  }
}
