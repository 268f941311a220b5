// Internal: reproducible random numbers, the same on every platform and standard library
// (std::normal_distribution is not), seeded per draw so thread count cannot change a result.
#pragma once

#include <cmath>
#include <cstddef>
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
  // Standard normal, by Marsaglia and Tsang's ziggurat (2000) with 128 layers; the layer and
  // the value come from separate bits of one 64-bit number (Doornik's 2005 remedy).
  double normal() noexcept {
    const Ziggurat& z = ziggurat();
    for (;;) {
      const std::uint64_t bits = next();
      const std::size_t layer = bits & 127;
      const auto h = static_cast<std::int32_t>(static_cast<std::uint32_t>(bits >> 32));
      const double x = h * z.w[layer];
      if (static_cast<std::uint32_t>(h < 0 ? -static_cast<std::int64_t>(h) : h) < z.k[layer]) return x;
      if (layer == 0) return tail(h > 0);
      if (z.f[layer] + uniform() * (z.f[layer - 1] - z.f[layer]) < std::exp(-0.5 * x * x)) return x;
    }
  }

 private:
  static constexpr double edge = 3.442619855899;  // where the 128-layer ziggurat's base ends

  struct Ziggurat {
    std::uint32_t k[128];
    double w[128], f[128];
    Ziggurat() {
      const double m = 2147483648.0, area = 9.91256303526217e-3;
      double d = edge, t = d;
      const double q = area / std::exp(-0.5 * d * d);
      k[0] = static_cast<std::uint32_t>(d / q * m);
      k[1] = 0;
      w[0] = q / m;
      w[127] = d / m;
      f[0] = 1.0;
      f[127] = std::exp(-0.5 * d * d);
      for (int i = 126; i >= 1; --i) {
        d = std::sqrt(-2.0 * std::log(area / d + std::exp(-0.5 * d * d)));
        k[i + 1] = static_cast<std::uint32_t>(d / t * m);
        t = d;
        f[i] = std::exp(-0.5 * d * d);
        w[i] = d / m;
      }
    }
  };
  // Built once, never changed: no state shared between generators but these constants.
  static const Ziggurat& ziggurat() noexcept {
    static const Ziggurat z;
    return z;
  }
  // Beyond the edge, by Marsaglia's exponential method.
  double tail(bool positive) noexcept {
    double x, y;
    do {
      x = -std::log(1.0 - uniform()) / edge;
      y = -std::log(1.0 - uniform());
    } while (y + y < x * x);
    return positive ? edge + x : -edge - x;
  }
  static std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

}  // namespace parindex::random_detail
