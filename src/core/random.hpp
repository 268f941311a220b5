// Internal: reproducible random numbers, the same on every platform and standard library
// (std::normal_distribution is not). Counter-based: the k-th number of a stream is a function
// of the stream's key and k alone, so a thread count cannot change a result, any cell can be
// drawn without drawing the ones before it, and a loop over cells carries no generator state
// from one iteration to the next (the processor overlaps them).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace parindex::random_detail {

inline constexpr std::uint64_t golden = 0x9e3779b97f4a7c15ULL;

// SplitMix64's finaliser: spreads any 64-bit value over all 64 bits.
inline std::uint64_t mix(std::uint64_t x) noexcept {
  x += golden;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The part of a stream's key that depends on the run's seed, the draw and the sample only, so
// a draw's streams (one per factor) cost one mix each.
inline std::uint64_t draw_key(std::uint64_t seed, std::uint64_t draw, std::uint64_t sample) noexcept {
  return mix(mix(mix(seed) ^ draw) ^ (sample << 32));
}
inline std::uint64_t stream_key(std::uint64_t draw_key, std::uint64_t factor) noexcept { return mix(draw_key ^ factor); }

// The k-th 64-bit number of the stream `key`: SplitMix64's (Steele, Lea and Flood, 2014)
// k-th output from the state `key`, which passes BigCrush.
inline std::uint64_t nth(std::uint64_t key, std::uint64_t k) noexcept { return mix(key + k * golden); }

// In [0, 1), the top 53 bits.
inline double to_uniform(std::uint64_t bits) noexcept { return static_cast<double>(bits >> 11) * 0x1.0p-53; }

// SplitMix64 as a sequence: the few extra numbers a ziggurat rejection needs.
class SplitMix {
 public:
  explicit SplitMix(std::uint64_t state) noexcept : state_(state) {}
  std::uint64_t next() noexcept {
    state_ += golden;
    return mix(state_);
  }
  double uniform() noexcept { return to_uniform(next()); }

 private:
  std::uint64_t state_;
};

// Marsaglia and Tsang's ziggurat (2000) with 1024 layers, its edge and area solved for 1024
// as they did for 256: a draw falls outside its layer's rectangle 0.43% of the time, against
// 1.5% with 256 (the tables, 28 KB, still fit the level-1 cache).
//
// Each layer's right end x is a whole number of 2^-45 (to 3e-14, as close as a double's
// 46 bits at x = 4 would be), so it fits 48 bits, beside the top 16 bits of the layer's k
// (its rectangle's end in units of x / 2^31): `packed` gives a vector loop both with one
// gather. The rectangle test on those 16 bits is conservative (|h| >> 16 < k >> 16 implies
// |h| < k); the exact test decides in the scalar code.
struct Ziggurat {
  static constexpr int layers = 1024;
  static constexpr double edge = 0x1.027c84109fae0p+2;  // 4.0388498461095045 to a multiple of 2^-45: the base layer's end
  static constexpr double area = 0x1.417941005fc17p-10;  // 1.2263246463530881e-3: each layer's
  static constexpr double x_unit = 0x1.0p-45;
  static constexpr double w_unit = 0x1.0p-76;  // x_unit / 2^31
  std::uint32_t k[layers];
  double w[layers], f[layers];
  std::uint64_t packed[layers];  // x / x_unit << 16 | k >> 16
  Ziggurat() {
    const double m = 2147483648.0;
    auto on_grid = [](double x) { return std::nearbyint(x / x_unit) * x_unit; };
    double x[layers];
    x[0] = on_grid(area / std::exp(-0.5 * edge * edge));  // the base: its rectangle and the tail as one width
    x[layers - 1] = edge;
    double d = edge;
    for (int i = layers - 2; i >= 1; --i) {
      d = std::sqrt(-2.0 * std::log(area / d + std::exp(-0.5 * d * d)));
      x[i] = on_grid(d);
    }
    k[0] = static_cast<std::uint32_t>(edge / x[0] * m);
    k[1] = 0;  // the top layer: no rectangle, every draw to the wedge test
    f[0] = 1.0;
    for (int i = 1; i < layers; ++i) {
      if (i > 1) k[i] = static_cast<std::uint32_t>(x[i - 1] / x[i] * m);
      f[i] = std::exp(-0.5 * x[i] * x[i]);
    }
    for (int i = 0; i < layers; ++i) {
      const auto steps = static_cast<std::uint64_t>(x[i] / x_unit);
      w[i] = static_cast<double>(steps) * w_unit;  // exactly, as the vector loop computes it
      packed[i] = steps << 16 | k[i] >> 16;
    }
  }
};
// Built once at load time, never changed: no guard on the hot path.
inline const Ziggurat ziggurat_table{};

// Beyond the layers' rectangles (0.43% of draws): the wedge's test, the tail by Marsaglia's
// exponential method, and fresh numbers after a rejection, from a sequence seeded by `bits`.
[[gnu::noinline]] inline double normal_beyond(std::uint64_t bits) noexcept {
  const Ziggurat& z = ziggurat_table;
  SplitMix more(bits);
  for (;;) {
    const std::size_t layer = bits & (Ziggurat::layers - 1);
    const auto h = static_cast<std::int32_t>(static_cast<std::uint32_t>(bits >> 32));
    const double x = h * z.w[layer];
    if (static_cast<std::uint32_t>(h < 0 ? -static_cast<std::int64_t>(h) : h) < z.k[layer]) return x;
    if (layer == 0) {
      double a, b;
      do {
        a = -std::log(1.0 - more.uniform()) / Ziggurat::edge;
        b = -std::log(1.0 - more.uniform());
      } while (b + b < a * a);
      return h > 0 ? Ziggurat::edge + a : -Ziggurat::edge - a;
    }
    if (z.f[layer] + more.uniform() * (z.f[layer - 1] - z.f[layer]) < std::exp(-0.5 * x * x)) return x;
    bits = more.next();
  }
}

// A standard normal from one 64-bit number: the layer and the value from separate bits
// (Doornik's 2005 remedy), the low 10 and the high 32.
inline double to_normal(std::uint64_t bits) noexcept {
  const Ziggurat& z = ziggurat_table;
  const std::size_t layer = bits & (Ziggurat::layers - 1);
  const auto h = static_cast<std::int32_t>(static_cast<std::uint32_t>(bits >> 32));
  // Inside the layer's rectangle (99% of draws): the only branch a tight loop takes.
  if (static_cast<std::uint32_t>(h < 0 ? -static_cast<std::int64_t>(h) : h) < z.k[layer]) [[likely]] return h * z.w[layer];
  return normal_beyond(bits);
}

}  // namespace parindex::random_detail
