// Splitting CSV text into records and fields near the speed of memory. The text is looked at
// 64 bytes at a time: commas, line breaks, quotes and non-ASCII bytes become bit masks (SSE2
// where the target has it), so a field costs a few bit operations and no call. Quotes are only
// flagged: a record holding one is split again by the caller's full CSV parser, and a record
// with non-ASCII bytes is flagged for UTF-8 validation (multi-byte UTF-8 never holds an ASCII
// byte, so its commas are still commas).
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2)
#define PARINDEX_CSV_SSE2 1
#include <emmintrin.h>
#endif

namespace parindex::csv_records {

// One bit per byte of a 64-byte block.
struct ByteMasks {
  std::uint64_t comma = 0, newline = 0, quote = 0, non_ascii = 0;
};

// The masks byte by byte: where there is no SSE2, and the reference the tests hold it to.
inline ByteMasks classify_scalar(const char* p) noexcept {
  ByteMasks m;
  for (int i = 0; i < 64; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    const std::uint64_t bit = std::uint64_t{1} << i;
    if (c == ',') m.comma |= bit;
    if (c == '\n') m.newline |= bit;
    if (c == '"') m.quote |= bit;
    if (c >= 0x80) m.non_ascii |= bit;
  }
  return m;
}

inline ByteMasks classify(const char* p) noexcept {
#if PARINDEX_CSV_SSE2
  ByteMasks m;
  const __m128i comma = _mm_set1_epi8(','), newline = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"');
  const __m128i v0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16));
  const __m128i v2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 32));
  const __m128i v3 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 48));
  // Four 16-bit masks (of a comparison, or of the bytes' top bits) as one of 64 bits.
  auto join = [](int a, int b, int c, int d) {
    return static_cast<std::uint64_t>(static_cast<std::uint16_t>(a)) |
           static_cast<std::uint64_t>(static_cast<std::uint16_t>(b)) << 16 |
           static_cast<std::uint64_t>(static_cast<std::uint16_t>(c)) << 32 |
           static_cast<std::uint64_t>(static_cast<std::uint16_t>(d)) << 48;
  };
  auto equal = [&](__m128i x) {
    return join(_mm_movemask_epi8(_mm_cmpeq_epi8(v0, x)), _mm_movemask_epi8(_mm_cmpeq_epi8(v1, x)),
                _mm_movemask_epi8(_mm_cmpeq_epi8(v2, x)), _mm_movemask_epi8(_mm_cmpeq_epi8(v3, x)));
  };
  m.comma = equal(comma);
  m.newline = equal(newline);
  m.quote = equal(quote);
  m.non_ascii = join(_mm_movemask_epi8(v0), _mm_movemask_epi8(v1), _mm_movemask_epi8(v2), _mm_movemask_epi8(v3));
  return m;
#else
  return classify_scalar(p);
#endif
}

// A record as the scanner saw it: its text without the line break (nor a '\r' before it), how
// many fields it has, and its first N fields (valid only when not `quoted`).
template <std::size_t N>
struct Record {
  std::string_view line;
  std::size_t count = 0;
  bool quoted = false;     // holds a '"': split it with a full CSV parser
  bool non_ascii = false;  // holds a byte >= 0x80: validate it as UTF-8

  // Field i < min(count, N), from the positions the scanner kept.
  std::string_view field(std::size_t i) const noexcept {
    return std::string_view(base + begin[i], begin[i + 1] - 1 - begin[i]);
  }

  const char* base = nullptr;
  // Where field i starts, and one past the end of the last field given (after its comma or
  // line end); entry N + 1 takes the commas past the N-th.
  std::array<std::size_t, N + 2> begin{};
};

// Calls on_record(const Record<N>&) for each line of `text`: every '\n' ends one, blank ones
// included, and a last line without one counts too. Stops when on_record returns false.
template <std::size_t N, class OnRecord>
void for_each_record(std::string_view text, OnRecord&& on_record) {
  const char* base = text.data();
  const std::size_t size = text.size();
  Record<N> record;
  record.base = base;
  std::size_t line_start = 0, commas = 0;
  bool quoted = false, non_ascii = false;  // in the current line's earlier blocks
  std::uint64_t quotes = 0, high = 0;      // in the current block, not yet given to a line

  auto emit = [&](std::size_t end) {
    if (end > line_start && base[end - 1] == '\r') --end;
    record.line = std::string_view(base + line_start, end - line_start);
    record.count = commas + 1;
    record.quoted = quoted;
    record.non_ascii = non_ascii;
    record.begin[0] = line_start;
    if (commas < N) record.begin[commas + 1] = end + 1;
    return on_record(static_cast<const Record<N>&>(record));
  };

  alignas(16) char tail[64];
  for (std::size_t block = 0; block < size; block += 64) {
    const char* p = base + block;
    if (size - block < 64) {  // the last, short block, padded with bytes that mean nothing
      std::memset(tail, 0, sizeof tail);
      std::memcpy(tail, p, size - block);
      p = tail;
    }
    const ByteMasks m = classify(p);
    quotes = m.quote, high = m.non_ascii;
    std::uint64_t events = m.comma | m.newline;
    while (events) {
      const auto pos = static_cast<unsigned>(std::countr_zero(events));
      const std::size_t at = block + pos;
      if ((m.newline >> pos) & 1) {
        // Quotes and non-ASCII bytes before the line break belong to this line.
        const std::uint64_t before = (std::uint64_t{1} << pos) - 1;
        quoted |= (quotes & before) != 0;
        non_ascii |= (high & before) != 0;
        if (!emit(at)) return;
        line_start = at + 1;
        commas = 0;
        quoted = non_ascii = false;
        quotes &= ~before;
        high &= ~before;
      } else {
        record.begin[commas < N ? commas + 1 : N + 1] = at + 1;  // the commas past the N-th are only counted
        ++commas;
      }
      events &= events - 1;
    }
    quoted |= quotes != 0;
    non_ascii |= high != 0;
  }
  if (line_start < size) emit(size);
}

}  // namespace parindex::csv_records
