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
  void add(std::string_view bytes) noexcept {
    add(bytes.size());
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) add(load(bytes.data() + i, 8));
    if (i < bytes.size()) add(load(bytes.data() + i, bytes.size() - i));
  }
  // With every bit brought down to the low bits that pick a slot.
  std::uint64_t value() const noexcept {
    const std::uint64_t h = (h_ ^ (h_ >> 29)) * 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 32);
  }

 private:
  static std::uint64_t load(const char* p, std::size_t n) noexcept {
    std::uint64_t word = 0;
    std::memcpy(&word, p, n);
    return word;
  }

  static constexpr std::uint64_t k = 0x9e3779b97f4a7c15ULL;
  std::uint64_t h_ = k;
};

// Counts by byte-string key: open addressing over a power-of-two table at most half full, the
// keys side by side in one string. Groups keep the order in which their keys first came.
// A row's slot is found in two steps, so a reader can ask for it early and do other work while
// it comes from memory: prefetch, then find_or_add.
class GroupTable {
 public:
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
    std::uint32_t group = empty;
    std::uint32_t key_size = 0;
    const char* key = nullptr;  // keys_[group]'s bytes, which stay put: a deque never moves its elements
  };

  void grow();

  std::vector<Slot> slots_;
  std::deque<std::string> keys_;
  std::vector<DossierCounts> counts_;
};

}  // namespace parindex::detail
