// The groups of a dossier tally, found by a key of a few bytes without an allocation a row.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "parindex/dossiers/dossier_log.hpp"

namespace parindex::detail {

// A hash of a key given part by part, from wherever the parts are: equal parts give equal
// hashes. One multiplication a word.
class KeyHash {
 public:
  void add(std::uint64_t value) noexcept { h_ = (h_ ^ value) * k; }
  // Whole words only, never a copy of a few bytes into a word: a load of a word just written
  // in parts waits for the parts (this was a third of a dossier row's tally).
  void add(std::string_view bytes) noexcept {
    const char* p = bytes.data();
    const std::size_t n = bytes.size();
    add(n);
    if (n >= 8) {
      for (std::size_t i = 0; i + 8 <= n; i += 8) add(load<std::uint64_t>(p + i));
      if (n % 8 != 0) add(load<std::uint64_t>(p + n - 8));  // the last 8 bytes, overlapping
    } else if (n >= 4) {
      add(load<std::uint32_t>(p) | std::uint64_t{load<std::uint32_t>(p + n - 4)} << 32);
    } else if (n > 0) {
      add(byte(p[0]) | byte(p[n / 2]) << 8 | byte(p[n - 1]) << 16);
    }
  }
  // With every bit brought down to the low bits that pick a slot.
  std::uint64_t value() const noexcept {
    const std::uint64_t h = (h_ ^ (h_ >> 29)) * 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 32);
  }

 private:
  template <class Word>
  static Word load(const char* p) noexcept {
    Word word;
    std::memcpy(&word, p, sizeof word);
    return word;
  }
  static std::uint64_t byte(char c) noexcept { return static_cast<unsigned char>(c); }

  static constexpr std::uint64_t k = 0x9e3779b97f4a7c15ULL;
  std::uint64_t h_ = k;
};

// Counts by byte-string key: open addressing over a power-of-two table at most half full, each
// slot pointing at its key's copy in a deque (which never moves its elements). Groups keep the
// order in which their keys first came. Movable, not copyable: a copy's slots would point at
// the original's keys.
// A row's slot is found in two steps, so a reader can ask for it early and do other work while
// it comes from memory: prefetch, then find_or_add.
class GroupTable {
 public:
  GroupTable() = default;
  GroupTable(const GroupTable&) = delete;
  GroupTable& operator=(const GroupTable&) = delete;
  GroupTable(GroupTable&&) = default;
  GroupTable& operator=(GroupTable&&) = default;

  void prefetch(std::uint64_t hash) const noexcept {
#if defined(__GNUC__) || defined(__clang__)
    if (!slots_.empty()) __builtin_prefetch(&slots_[static_cast<std::size_t>(hash) & (slots_.size() - 1)]);
#else
    (void)hash;
#endif
  }
  // `hash` is the key's KeyHash (the same parts added for the same key).
  DossierCounts& find_or_add(std::string_view key, std::uint64_t hash);

  std::size_t size() const noexcept { return counts_.size(); }
  std::string_view key(std::size_t group) const noexcept { return keys_[group]; }
  DossierCounts& counts(std::size_t group) noexcept { return counts_[group]; }

 private:
  static constexpr std::uint32_t empty = UINT32_MAX;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint64_t short_key = 0;  // a key of at most 8 bytes, as fingerprint() has it
    std::uint32_t group = empty;
    std::uint32_t key_size = 0;
    const char* key = nullptr;  // keys_[group]'s bytes, which stay put: a deque never moves its elements
  };

  void grow();
  // A key of at most 8 bytes as one word, every byte in it, so two keys of the same size are
  // equal when their words are: most keys (unit codes) compare without reading their copy.
  static std::uint64_t fingerprint(std::string_view key) noexcept;

  std::vector<Slot> slots_;
  std::deque<std::string> keys_;
  std::vector<DossierCounts> counts_;
};

}  // namespace parindex::detail
