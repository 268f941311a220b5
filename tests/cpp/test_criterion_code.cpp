#include "parindex/core/criterion_code.hpp"

#include <algorithm>
#include <vector>

#include "test_support.hpp"

using parindex::CriterionCode;

TEST(CriterionCode, ParsesDottedNumbers) {
  CriterionCode c("6.1.4");
  EXPECT_TRUE(c.ok());
  EXPECT_EQ(c.depth(), 3u);
  EXPECT_EQ(c.str(), "6.1.4");
  EXPECT_EQ(c.parent().str(), "6.1");
  EXPECT_EQ(c.field().str(), "6");
  EXPECT_FALSE(CriterionCode("6").parent().ok());
}

TEST(CriterionCode, RemainderOnlyAtTheEnd) {
  EXPECT_TRUE(CriterionCode("1.*").is_remainder());
  EXPECT_EQ(CriterionCode("1.*").str(), "1.*");
  EXPECT_FALSE(CriterionCode::parse("*"));
  EXPECT_FALSE(CriterionCode::parse("1.*.2"));
}

TEST(CriterionCode, RejectsMalformed) {
  for (const char* bad : {"", ".", "1.", ".1", "1..2", "a", "1.a", "1,2", " 1", "12345", "-1"}) {
    EXPECT_FALSE(CriterionCode::parse(bad)) << bad;
  }
  EXPECT_PARINDEX_ERROR(CriterionCode("6.x"), parindex::error_kind::document, "\"6.x\" is not a criterion code");
}

TEST(CriterionCode, OrdersNaturally) {
  std::vector<CriterionCode> codes{CriterionCode("10"), CriterionCode("6.2"), CriterionCode("6.1.4"),
                                   CriterionCode("2"), CriterionCode("6.1"), CriterionCode("6.*")};
  std::sort(codes.begin(), codes.end());
  std::vector<std::string> text;
  for (const auto& c : codes) text.push_back(c.str());
  EXPECT_EQ(text, (std::vector<std::string>{"2", "6.1", "6.1.4", "6.2", "6.*", "10"}));
}

TEST(CriterionCode, Ancestry) {
  EXPECT_TRUE(CriterionCode("6").is_ancestor_of(CriterionCode("6.1.4")));
  EXPECT_TRUE(CriterionCode("6.1").is_ancestor_of(CriterionCode("6.1.4")));
  EXPECT_FALSE(CriterionCode("6.1").is_ancestor_of(CriterionCode("6.1")));
  EXPECT_FALSE(CriterionCode("6.1").is_ancestor_of(CriterionCode("6.10")));
  EXPECT_FALSE(CriterionCode("7").is_ancestor_of(CriterionCode("6.1")));
}
