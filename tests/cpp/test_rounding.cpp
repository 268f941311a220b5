#include "parindex/core/rounding.hpp"

#include "test_support.hpp"

using parindex::format_fixed;
using parindex::round_half_up;

TEST(Rounding, HalfUpOnTheDecimalForm) {
  EXPECT_EQ(format_fixed(1.005, 2), "1.01");  // the double is 1.00499999999999989...
  EXPECT_EQ(format_fixed(0.125, 2), "0.13");
  EXPECT_EQ(format_fixed(2.675, 2), "2.68");
  EXPECT_EQ(format_fixed(0.124999, 2), "0.12");
  EXPECT_EQ(format_fixed(2.0 / 6.0, 2), "0.33");
  EXPECT_EQ(format_fixed(84.87 / 99.5 * 100, 2), "85.30");
  EXPECT_EQ(format_fixed(-0.125, 2), "-0.13");
  EXPECT_EQ(format_fixed(-0.001, 2), "0.00");
  EXPECT_EQ(format_fixed(9.995, 2), "10.00");
  EXPECT_EQ(format_fixed(0.5, 0), "1");
  EXPECT_EQ(format_fixed(123456.5, 0), "123457");
}

TEST(Rounding, LeavesExactValuesAlone) {
  EXPECT_EQ(round_half_up(0.25, 2), 0.25);
  EXPECT_EQ(round_half_up(18.61, 2), 18.61);
  EXPECT_EQ(round_half_up(0.0, 2), 0.0);
  EXPECT_EQ(round_half_up(1e-9, 2), 0.0);
  EXPECT_EQ(round_half_up(0.004, 2), 0.0);
  EXPECT_EQ(round_half_up(0.005, 2), 0.01);
}

TEST(Rounding, ShortestForm) {
  EXPECT_EQ(parindex::format_shortest(84.59), "84.59");
  EXPECT_EQ(parindex::format_shortest(6.0), "6");
  EXPECT_EQ(parindex::format_shortest(0.0), "0");
}
