// Reading a dossier log's date-times row after row (internal to the CSV reader).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parindex/calendar/dates.hpp"

namespace parindex {

// parse_dossier_time with a memory of the days it has read: a log holds a few hundred distinct
// days and two date-times a row, so most dates are looked up, not parsed again. One a reader.
class DossierTimeParser {
 public:
  bool operator()(std::string_view text, Date& date, int& minute) noexcept;

 private:
  static constexpr int entry_bits = 12;
  struct Entry {
    std::uint64_t head = 0;       // the date's first 8 bytes
    std::uint16_t tail = 0;       // its last 2
    Date::date_int_type day = 0;  // 0: empty (real dates' day numbers are in the millions)
  };
  std::array<Entry, std::size_t{1} << entry_bits> entries_{};
};

}  // namespace parindex
