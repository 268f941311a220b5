// Internal: reproducible random numbers, the same on every platform and standard library
// (std::normal_distribution is not), seeded per draw so thread count cannot change a result.
#pragma once

#include <cmath>
#include <cstdint>

namespace parindex::random_detail {

// SplitMix64's finaliser: spreads any 64-bit value over all 64 bits.
inline std::uint64_t mix(std::uint64_t x) noexcept {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A stream's seed from the run's seed and the stream's coordinates (draw, sample, factor).
inline std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t draw, std::uint64_t sample, std::uint64_t factor) noexcept {
  return mix(mix(mix(mix(seed) ^ draw) ^ (sample << 32)) ^ factor);
}

// xoshiro256** (Blackman and Vigna, 2018).
class Random {
 public:
  explicit Random(std::uint64_t seed) noexcept {
    for (auto& word : s_) word = seed = mix(seed);
  }
  std::uint64_t next() noexcept {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9, t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // In [0, 1), 53 random bits.
  double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Standard normal, by Marsaglia's polar method; pairs are used in turn.
  double normal() noexcept {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u, v, s;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    const double f = std::sqrt(-2 * std::log(s) / s);
    spare_ = v * f;
    has_spare_ = true;
    return u * f;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
  double spare_ = 0;
  bool has_spare_ = false;
};

}  // namespace parindex::random_detail
