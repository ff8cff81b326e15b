#include "grammar/formatter.hpp"

#include <gtest/gtest.h>

#include "grammar/parser.hpp"

namespace dealgate {
namespace {

std::string format(const std::string& text) {
  SourceSet sources;
  FileId id = sources.add("f.gate", text);
  Diagnostics diagnostics;
  auto file = parse_rule_file(sources, id, diagnostics);
  EXPECT_TRUE(file.has_value());
  if (!file) return {};
  return format_rule_file(*file, sources.file(id));
}

TEST(Formatter, LaysOutDeclarationsCanonically) {
  std::string messy = R"(ruleset   "Enterprise"
phases Discover->Design ->  Deliver
facts { id: string,
  value: {confirmed:bool, price:number}
  stakeholders: list<{role:string,engaged:bool}> }
const  roles=["economic_buyer","sponsor"]
param min_roi:number=3
milestone   m "Value"{requires a,b
require ok:value.confirmed and(value.price>1000 or not value.confirmed) else "price {value.price} {{x}}"
warn value.price  <  1_000_000}
)";
  EXPECT_EQ(format(messy), R"(ruleset "Enterprise"
phases Discover -> Design -> Deliver

facts {
  id: string
  value: { confirmed: bool, price: number }
  stakeholders: list<{ role: string, engaged: bool }>
}

const roles = ["economic_buyer", "sponsor"]
param min_roi: number = 3

milestone m "Value" {
  requires a, b
  require ok: value.confirmed and (value.price > 1000 or not value.confirmed)
    else "price {value.price} {{x}}"
  warn value.price < 1_000_000
}
)");
}

TEST(Formatter, KeepsCommentsInPlace) {
  std::string text = R"(# header comment

# about the gate
gate g { # trailing on the header
  # before the condition
  require a # after the condition
  # at the end of the block
}
# the end
)";
  EXPECT_EQ(format(text), text);
}

// Parentheses change how a condition reads to a person even where precedence does not need them:
// `not (a == b)` stays, as does `((a))`; none is added.
TEST(Formatter, KeepsTheParenthesesTheAuthorWrote) {
  std::string text =
      "gate g {\n  require (a and b) or c\n  require a and (b or c)\n  require (a - b) - c == a - "
      "(b - c)\n"
      "  require -(a + b) == -a ?? b\n  require not (a == b)\n  require ((a))\n  require a ?? "
      "-b\n}\n";
  EXPECT_EQ(format(text), text);
  EXPECT_EQ(format("gate g { require ( a  and b )or not(c) }"),
            "gate g {\n  require (a and b) or not (c)\n}\n");
}

TEST(Formatter, WrapsLongConditionsAtAndOr) {
  std::string text =
      "gate g {\n  require first_long_condition_name and second_long_condition_name and "
      "third_long_condition_name_here else \"m\"\n}\n";
  EXPECT_EQ(format(text),
            "gate g {\n  require first_long_condition_name\n      and second_long_condition_name\n"
            "      and third_long_condition_name_here\n    else \"m\"\n}\n");
}

TEST(Formatter, LongChainsBreakOutsideParenthesesOnly) {
  std::string text =
      "gate g {\n  require (first_long_condition_name or second_long_condition_name) and "
      "third_long_condition_name_here\n}\n";
  EXPECT_EQ(format(text),
            "gate g {\n  require (first_long_condition_name or second_long_condition_name)\n"
            "      and third_long_condition_name_here\n}\n");
}

// The SPEC writes `id: "T1", stage: "Design",` on one line of a `given`: fields written on one line
// stay together while they fit, and a `,` at the end of a line stays as written.
TEST(Formatter, KeepsGivenFieldsTheAuthorGroupedOnALine) {
  std::string spec = R"(test "t" {
  given {
    id: "T1", stage: "Design",
    value: { confirmed: true, annual_benefit: 900000, price: 100000 },
    fit: { customer_believes_fit: true, seller_believes_fit: true },
    last_customer_contact: @2026-11-20
  }
  expect g pass
}
)";
  EXPECT_EQ(format(spec), spec);
  std::string crowded = R"(test "t" {
  given {
    id: "T1", stage: "Design", a_very_long_field_name_number_one: "some long text value", another: 12345678
    fit: { customer_believes_fit: true, seller_believes_fit: true, third_field_of_the_fit: false, x: 1 }
  }
  expect g pass
}
)";
  std::string once = format(crowded);
  EXPECT_EQ(once, R"(test "t" {
  given {
    id: "T1", stage: "Design", a_very_long_field_name_number_one: "some long text value",
    another: 12345678
    fit: {
      customer_believes_fit: true, seller_believes_fit: true, third_field_of_the_fit: false, x: 1
    }
  }
  expect g pass
}
)");
  EXPECT_EQ(format(once), once);
}

// A waiver's clauses stay in the order written, one a line, with their comments.
TEST(Formatter, LaysOutAWaiver) {
  std::string messy = R"(waiver  acme "W-17"{ until @2026-12-31 # renewed once
deal "D-1","D-2"   waives a.b ,c
  # the VP signed it
  approved   by "Dana Lee" reason "pilot"}
waiver small { when   price<1000 and (segment=="smb") waives m approved by "Sam" until @2027-01-31 }
test "t" { given { id: "D-1" } expect g pass waived a.b,c expect g fail because a waived c.1 }
)";
  std::string once = format(messy);
  EXPECT_EQ(once, R"(waiver acme "W-17" {
  until @2026-12-31  # renewed once
  deal "D-1", "D-2"
  waives a.b, c
  # the VP signed it
  approved by "Dana Lee"
  reason "pilot"
}

waiver small {
  when price < 1000 and (segment == "smb")
  waives m
  approved by "Sam"
  until @2027-01-31
}

test "t" {
  given { id: "D-1" }
  expect g pass waived a.b, c
  expect g fail because a waived c.1
}
)");
  EXPECT_EQ(format(once), once);
}

TEST(Formatter, IsIdempotent) {
  std::string text = R"(facts { id: string, d: date }
test "t" { given { id: "x\ty", d: @2026-01-02 } today @2026-11-26
expect g fail because m, m.1 expect g unknown }
)";
  std::string once = format(text);
  EXPECT_EQ(format(once), once);
  EXPECT_EQ(once, R"(facts {
  id: string
  d: date
}

test "t" {
  given { id: "x\ty", d: @2026-01-02 }
  today @2026-11-26
  expect g fail because m, m.1
  expect g unknown
}
)");
}

TEST(Formatter, LaysOutTheStageMapping) {
  std::string messy = R"(stages   from crm.stage  by owner{"Qualification","Discovery"->Discover
  # lost deals are not audited
  "Closed Lost"  ->none "Say \"hi\"" -> Design}
)";
  std::string once = format(messy);
  EXPECT_EQ(once, R"(stages from crm.stage by owner {
  "Qualification", "Discovery" -> Discover
  # lost deals are not audited
  "Closed Lost" -> none
  "Say \"hi\"" -> Design
}
)");
  EXPECT_EQ(format(once), once);
}

TEST(Formatter, LaysOutAShowBlockOneFactALine) {
  std::string messy = R"(show{ account   "Account" owner  # the AE
  amount "Amount"   as  money  in currency
  # one currency for all
  price as money in "EUR" crm.close_on}
)";
  std::string once = format(messy);
  EXPECT_EQ(once, R"(show {
  account "Account"
  owner  # the AE
  amount "Amount" as money in currency
  # one currency for all
  price as money in "EUR"
  crm.close_on
}
)");
  EXPECT_EQ(format(once), once);
}

}  // namespace
}  // namespace dealgate
