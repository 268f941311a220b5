// An open-addressing table of dossier groups.
#include "parindex/dossiers/group_table.hpp"

#include <cstring>

#include "parindex/core/error.hpp"

namespace parindex::detail {

namespace {

// Keys are a few bytes: a loop beats a call to memcmp.
bool same_bytes(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace

std::uint64_t GroupTable::fingerprint(std::string_view key) noexcept {
  const char* p = key.data();
  const std::size_t n = key.size();
  auto byte = [](char c) { return std::uint64_t{static_cast<unsigned char>(c)}; };
  auto word4 = [](const char* at) {
    std::uint32_t w;
    std::memcpy(&w, at, sizeof w);
    return std::uint64_t{w};
  };
  if (n > 8 || n == 0) return 0;
  if (n >= 4) return word4(p) | word4(p + n - 4) << 32;  // bytes 0-3 and n-4 to n-1: all of them
  return byte(p[0]) | byte(p[n / 2]) << 8 | byte(p[n - 1]) << 16;
}

DossierCounts& GroupTable::find_or_add(std::string_view key, std::uint64_t h) {
  if (2 * (counts_.size() + 1) > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t short_key = fingerprint(key);
  for (std::size_t i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.group == empty) {
      if (counts_.size() >= empty || key.size() >= UINT32_MAX) {
        throw error(error_kind::argument, "dossier groups", "more groups or a longer key than a tally can hold");
      }
      // The slot last: if a copy fails, the table is as it was.
      const auto group = static_cast<std::uint32_t>(counts_.size());
      counts_.emplace_back();
      try {
        keys_.emplace_back(key);
      } catch (...) {
        counts_.pop_back();
        throw;
      }
      slot = {h, short_key, group, static_cast<std::uint32_t>(key.size()), keys_.back().data()};
      return counts_.back();
    }
    if (slot.hash == h && slot.key_size == key.size() &&
        (key.size() <= 8 ? slot.short_key == short_key : same_bytes(std::string_view(slot.key, slot.key_size), key))) {
      return counts_[slot.group];
    }
  }
}

void GroupTable::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : 2 * old.size(), Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.group == empty) continue;
    std::size_t i = static_cast<std::size_t>(s.hash) & mask;
    while (slots_[i].group != empty) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace parindex::detail
