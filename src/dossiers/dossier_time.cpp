// Dossier date-times: "YYYY-MM-DD", "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM:SS", checked a
// word at a time, a reader parsing two of them every row.
#include "dossier_time.hpp"

#include "parindex/dossiers/dossier_tally.hpp"

namespace parindex {

namespace {

// Eight bytes as a little-endian word, whatever the machine (compilers make it one load).
std::uint64_t load_le(const char* p) noexcept {
  auto b = [p](int i) { return std::uint64_t{static_cast<unsigned char>(p[i])}; };
  return b(0) | b(1) << 8 | b(2) << 16 | b(3) << 24 | b(4) << 32 | b(5) << 40 | b(6) << 48 | b(7) << 56;
}

// Whether every byte of `w` that `mask` selects (0xFF each) is an ASCII digit: its high nibble
// is 3 and stays 3 once 6 is added. A byte that fails the first test may carry into the next,
// but the answer is already no.
bool digits_at(std::uint64_t w, std::uint64_t mask) noexcept {
  const std::uint64_t x = w & mask, high = 0xF0F0F0F0F0F0F0F0ULL & mask, three = 0x3030303030303030ULL & mask;
  return (x & high) == three && ((x + (0x0606060606060606ULL & mask)) & high) == three;
}

int digit(const char* p, int i) noexcept { return p[i] - '0'; }
int two_digits(const char* p, int i) noexcept { return digit(p, i) * 10 + digit(p, i + 1); }

// Whether day d (1 to 31) exists in month m of year y; the leap-year rule only for 29 February.
bool day_exists(int y, int m, int d) noexcept {
  static constexpr int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d <= days[m - 1]) return true;
  return m == 2 && d == 29 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
}

// The day number Boost keeps a date as (Julian day), for a valid date: the same as Date(y, m,
// d) without its range checks, which the parser has done.
Date::date_int_type day_number(int y, int m, int d) noexcept {
  const unsigned a = m <= 2 ? 1 : 0;  // January and February count as months 13 and 14 of the year before
  const unsigned yy = static_cast<unsigned>(y) + 4800 - a;
  const unsigned mm = static_cast<unsigned>(m) + 12 * a - 3;
  return static_cast<Date::date_int_type>(static_cast<unsigned>(d) + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 +
                                          yy / 400 - 32045);
}

bool has_time_length(std::string_view s) noexcept { return s.size() == 10 || s.size() == 16 || s.size() == 19; }

// The time of day after a date (s is 10, 16 or 19 bytes): none, " HH:MM" or "THH:MM:SS".
bool parse_time_of_day(std::string_view s, int& minute) noexcept {
  const char* p = s.data();
  int hh = 0, mm = 0;
  if (s.size() > 10) {
    // "DD HH:MM" from byte 8: digits in bytes 3-4 and 6-7, ':' in 5, ' ' or 'T' in 2.
    if (!digits_at(load_le(p + 8), 0xFFFF00FFFF000000ULL) || p[13] != ':' || (p[10] != ' ' && p[10] != 'T')) return false;
    hh = two_digits(p, 11), mm = two_digits(p, 14);
    if (hh > 23 || mm > 59) return false;
    if (s.size() == 19) {
      const char* ss = p + 16;
      if (ss[0] != ':' || digit(ss, 1) < 0 || digit(ss, 1) > 5 || digit(ss, 2) < 0 || digit(ss, 2) > 9) return false;
    }
  }
  minute = hh * 60 + mm;
  return true;
}

}  // namespace

bool parse_dossier_time(std::string_view s, Date& date, int& minute) {
  if (!has_time_length(s)) return false;
  const char* p = s.data();
  // "YYYY-MM-" in one word (digits in bytes 0-3 and 5-6, '-' in 4 and 7), "DD" as the top of
  // the word from byte 2.
  const std::uint64_t head = load_le(p), tail = load_le(p + 2);
  if (!digits_at(head, 0x00FFFF00FFFFFFFFULL) || !digits_at(tail, 0xFFFF000000000000ULL) ||
      (head & 0xFF0000FF00000000ULL) != 0x2D00002D00000000ULL) {
    return false;
  }
  const int y = two_digits(p, 0) * 100 + two_digits(p, 2), m = two_digits(p, 5), d = two_digits(p, 8);
  if (y < 1400 || m < 1 || m > 12 || d < 1 || !day_exists(y, m, d)) return false;
  if (!parse_time_of_day(s, minute)) return false;
  date = Date(day_number(y, m, d));
  return true;
}

bool DossierTimeParser::operator()(std::string_view s, Date& date, int& minute) noexcept {
  if (!has_time_length(s)) return false;
  const std::uint64_t head = load_le(s.data());
  const auto tail = static_cast<std::uint16_t>(static_cast<unsigned char>(s[8]) | static_cast<unsigned char>(s[9]) << 8);
  Entry& e = entries_[((head ^ tail) * 0x9e3779b97f4a7c15ULL) >> (64 - entry_bits)];
  if (e.day != 0 && e.head == head && e.tail == tail) {  // these ten bytes were a valid date
    if (!parse_time_of_day(s, minute)) return false;
    date = Date(e.day);
    return true;
  }
  if (!parse_dossier_time(s, date, minute)) return false;
  e = {head, tail, date.day_number()};
  return true;
}

}  // namespace parindex
