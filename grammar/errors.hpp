// What a syntax error says: one entry per must-point of grammar.hpp, beside the grammar, not in it.
// `error_of<Rule>` gives the rule's message and its optional refinements (`rule_error`); a
// must-point without a message fails to compile. Placeholders filled in when the message is
// rendered: {prev} the token before the error point, {open} the innermost open bracket, {context}
// the declaration being read ("milestone `x`"). Only parser.cpp includes this file.
#pragma once

#include <string_view>

#include "grammar/grammar.hpp"

namespace dealgate::grammar {

enum class error_anchor_kind { token, string_start, message_start };

// What one must-point says when it fails. Only `message` is required (`pegtl::must_if` reads it);
// the rest refine it, read by the control in parser.cpp:
//   help         a fixed `help:` line
//   note         a note placed at the innermost open bracket (`any(`, `[`, `{`, ...)
//   names        what the expected identifier names ("a fact"); a reserved word found there gets
//                "`count` is a reserved word and cannot name a fact"
//   suggestions  space-separated words for "did you mean `x`?" on the offending word
//   anchor       where the diagnostic points when not at the offending token
struct rule_error {
  const char* message = nullptr;
  const char* help = nullptr;
  const char* note = nullptr;
  const char* names = nullptr;
  std::string_view suggestions = {};
  error_anchor_kind anchor = error_anchor_kind::token;
};

template <typename Rule>
inline constexpr rule_error error_of = {};

// The interface `pegtl::must_if` expects.
struct errors {
  template <typename Rule>
  static constexpr const char* message = error_of<Rule>.message;
};

inline constexpr const char* kExpectedType =
    "expected a type (`bool`, `number`, `string`, `date`, `list<...>` or `{...}`)";
inline constexpr std::string_view kTypeWords = "bool number string date list";

// Wordings that several must-points share.
inline constexpr const char* kOpenedHere = "{open} opened here";
inline constexpr const char* kStartsHere = "{context} starts here";
inline constexpr const char* kExpressionAfterPrev = "expected an expression after {prev}";
inline constexpr const char* kExpressionAfterEquals = "expected an expression after `=`";
inline constexpr const char* kConditionAfterDot = "expected a condition label or number after `.`";
inline constexpr const char* kUnterminatedString = "unterminated string";
inline constexpr const char* kUnterminatedStringHelp =
    "close it with `\"` on the same line; write `\\n` for a line break";
inline constexpr const char* kBlockOpen = "expected `{` to open the block of {context}";
inline constexpr const char* kContextOpen = "expected `{` to open {context}";

// clang-format off

// ---- Literals
template<> inline constexpr rule_error error_of< number_end > = {.message = "malformed number", .help = "numbers are written like `12`, `12.5` or `1_000_000`"};
template<> inline constexpr rule_error error_of< date_body > = {.message = "expected a date `YYYY-MM-DD` after `@`"};
template<> inline constexpr rule_error error_of< string_close > = {.message = kUnterminatedString, .help = kUnterminatedStringHelp, .anchor = error_anchor_kind::string_start};

// ---- Expressions
template<> inline constexpr rule_error error_of< paren_inner > = {.message = "expected an expression after `(`"};
template<> inline constexpr rule_error error_of< paren_close > = {.message = "expected `)` to close {open}", .note = kOpenedHere};
template<> inline constexpr rule_error error_of< list_close > = {.message = "expected `,` or `]` to close {open}", .note = kOpenedHere};
template<> inline constexpr rule_error error_of< record_colon > = {.message = "expected `:` after the field name"};
template<> inline constexpr rule_error error_of< record_value > = {.message = "expected a value after `:`"};
template<> inline constexpr rule_error error_of< missing_comma > = {.message = "expected `,` between fields", .help = "separate fields on the same line with `,`"};
template<> inline constexpr rule_error error_of< field_end > = {.message = "expected `,` or `}` after the field"};
template<> inline constexpr rule_error error_of< record_close > = {.message = "expected a field name or `}` to close {open}", .note = kOpenedHere, .names = "a field"};
template<> inline constexpr rule_error error_of< call_close > = {.message = "expected `)` to close {open}", .note = kOpenedHere};
template<> inline constexpr rule_error error_of< binder_list > = {.message = "expected a list after `in`"};
template<> inline constexpr rule_error error_of< quantifier_body > = {.message = "expected an expression after `:`"};
template<> inline constexpr rule_error error_of< keyword_call_open > = {.message = "expected `(` after {prev}", .help = "`count`, `exists`, `any` and `all` are functions and cannot name a value"};
template<> inline constexpr rule_error error_of< path_segment > = {.message = "expected a field name after `.`", .names = "a fact"};
template<> inline constexpr rule_error error_of< negate_operand > = {.message = "expected an expression after `-`"};
template<> inline constexpr rule_error error_of< coalesce_operand > = {.message = "expected an expression after `??`"};
template<> inline constexpr rule_error error_of< multiplicative_operand > = {.message = kExpressionAfterPrev};
template<> inline constexpr rule_error error_of< additive_operand > = {.message = kExpressionAfterPrev};
template<> inline constexpr rule_error error_of< comparison_operand > = {.message = kExpressionAfterPrev};
template<> inline constexpr rule_error error_of< single_equal > = {.message = "`=` is not a comparison operator", .help = "write `==` to compare two values"};
template<> inline constexpr rule_error error_of< chained_comparison > = {.message = "comparison operators cannot be chained", .help = "combine them with `and`: `a < b and b < c`"};
template<> inline constexpr rule_error error_of< not_operand > = {.message = "expected an expression after `not`"};
template<> inline constexpr rule_error error_of< and_operand > = {.message = "expected an expression after `and`"};
template<> inline constexpr rule_error error_of< or_operand > = {.message = "expected an expression after `or`"};
template<> inline constexpr rule_error error_of< c_style_not > = {.message = "`!` is not an operator", .help = "write `not`"};
template<> inline constexpr rule_error error_of< c_style_and > = {.message = "`&&` is not an operator", .help = "write `and`"};
template<> inline constexpr rule_error error_of< c_style_or > = {.message = "`||` is not an operator", .help = "write `or`"};

// ---- Messages
template<> inline constexpr rule_error error_of< interpolation_expr > = {.message = "expected an expression after `{` in the message", .help = "write `{{` for a literal `{`"};
template<> inline constexpr rule_error error_of< interpolation_close > = {.message = "expected `}` to close the interpolation", .note = "the interpolation starts here"};
template<> inline constexpr rule_error error_of< lone_close_brace > = {.message = "unmatched `}` in the message", .help = "write `}}` for a literal `}`"};
template<> inline constexpr rule_error error_of< message_close > = {.message = kUnterminatedString, .help = kUnterminatedStringHelp, .anchor = error_anchor_kind::message_start};

// ---- Types
template<> inline constexpr rule_error error_of< list_type_open > = {.message = "expected `<` after `list`", .help = "write the element type in angle brackets, like `list<string>`"};
template<> inline constexpr rule_error error_of< list_element_type > = {.message = kExpectedType, .suggestions = kTypeWords};
template<> inline constexpr rule_error error_of< list_type_close > = {.message = "expected `>` to close {open}"};
template<> inline constexpr rule_error error_of< type_field_colon > = {.message = "expected `:` after the field name"};
template<> inline constexpr rule_error error_of< field_type > = {.message = kExpectedType, .suggestions = kTypeWords};
template<> inline constexpr rule_error error_of< record_type_close > = {.message = "expected a field name or `}` to close {open}", .note = kOpenedHere, .names = "a fact"};

// ---- Blocks
template<> inline constexpr rule_error error_of< requires_name > = {.message = "expected a milestone or gate name after {prev}", .names = "a milestone"};
template<> inline constexpr rule_error error_of< label_name > = {.message = "expected a condition label", .names = "a condition"};
template<> inline constexpr rule_error error_of< label_without_colon > = {.message = "expected `:` after the label `{token}`", .help = "a label names the condition, and a `:` ends it: `{token}: ...`"};
template<> inline constexpr rule_error error_of< condition_expr > = {.message = "expected a condition after {prev}"};
template<> inline constexpr rule_error error_of< else_message > = {.message = "expected a message string after `else`"};
template<> inline constexpr rule_error error_of< block_close > = {.message = "expected a statement (`requires`, `require` or `warn`) or `}`", .note = "the block of {context} starts here", .suggestions = "requires require warn"};
template<> inline constexpr rule_error error_of< milestone_name > = {.message = "expected a milestone name after `milestone`", .names = "a milestone"};
template<> inline constexpr rule_error error_of< milestone_open > = {.message = kBlockOpen};
template<> inline constexpr rule_error error_of< gate_name > = {.message = "expected a gate name after `gate`", .names = "a gate"};
template<> inline constexpr rule_error error_of< enters_phase > = {.message = "expected a phase name after `enters`", .names = "a phase"};
template<> inline constexpr rule_error error_of< gate_open > = {.message = kBlockOpen, .suggestions = "enters"};

// ---- Other declarations
template<> inline constexpr rule_error error_of< ruleset_title > = {.message = "expected a title string after `ruleset`"};
template<> inline constexpr rule_error error_of< phase_name > = {.message = "expected a phase name after {prev}", .names = "a phase"};
template<> inline constexpr rule_error error_of< facts_open > = {.message = "expected `{` after `facts`"};
template<> inline constexpr rule_error error_of< const_name > = {.message = "expected a constant name after `const`", .names = "a constant"};
template<> inline constexpr rule_error error_of< const_equals > = {.message = "expected `=` and the value of {context}"};
template<> inline constexpr rule_error error_of< const_value > = {.message = kExpressionAfterEquals};
template<> inline constexpr rule_error error_of< param_name > = {.message = "expected a parameter name after `param`", .names = "a parameter"};
template<> inline constexpr rule_error error_of< param_colon > = {.message = "expected `:` and the type of {context}"};
template<> inline constexpr rule_error error_of< param_type > = {.message = kExpectedType, .suggestions = kTypeWords};
template<> inline constexpr rule_error error_of< param_equals > = {.message = "expected `=` and the default value of {context}"};
template<> inline constexpr rule_error error_of< param_value > = {.message = kExpressionAfterEquals};

// ---- The stage audit
template<> inline constexpr rule_error error_of< stages_from > = {.message = "expected `from` and the fact that holds the CRM stage", .help = "write `stages from stage { \"Proposal\" -> Deliver }`", .suggestions = "from"};
template<> inline constexpr rule_error error_of< stage_fact > = {.message = "expected the fact that holds the CRM stage after `from`", .names = "a fact"};
template<> inline constexpr rule_error error_of< stage_path_segment > = {.message = "expected a field name after `.`", .names = "a fact"};
template<> inline constexpr rule_error error_of< stage_owner > = {.message = "expected the fact that names the deal's owner after `by`", .names = "a fact"};
template<> inline constexpr rule_error error_of< stages_open > = {.message = "expected `{` to open the stage mapping (or `by` and the owner fact)", .suggestions = "by"};
template<> inline constexpr rule_error error_of< stage_next_value > = {.message = "expected a stage name string after `,`"};
template<> inline constexpr rule_error error_of< stage_arrow > = {.message = "expected `->` and the phase these stages belong to", .help = "write `\"Proposal\", \"Negotiation\" -> Deliver`, one phase a line"};
template<> inline constexpr rule_error error_of< stage_phase > = {.message = "expected a phase name (or `none`) after `->`", .names = "a phase"};
template<> inline constexpr rule_error error_of< stages_close > = {.message = "expected a stage name string or `}` to close {open}", .help = "each line maps CRM stages to a phase: `\"Closed Won\" -> Deliver`", .note = kOpenedHere};

// ---- What a report shows
template<> inline constexpr rule_error error_of< show_open > = {.message = "expected `{` to open the list of facts to show", .help = "write `show { account \"Account\"  amount as money in currency }`"};
template<> inline constexpr rule_error error_of< show_money_word > = {.message = "expected `money` after `as`", .help = "write `amount as money in currency`", .suggestions = "money"};
template<> inline constexpr rule_error error_of< show_in > = {.message = "expected `in` and the currency after `as money`", .suggestions = "in"};
template<> inline constexpr rule_error error_of< show_currency > = {.message = "expected the fact that holds the currency, or a currency code like \"EUR\"", .names = "a fact"};
template<> inline constexpr rule_error error_of< show_close > = {.message = "expected a fact to show or `}` to close {open}", .help = "one fact a line, with an optional heading: `account \"Account\"`", .note = kOpenedHere, .names = "a fact"};

// ---- Sources
template<> inline constexpr rule_error error_of< source_name > = {.message = "expected a name for the source after `source`, like `source salesforce`", .names = "a source"};
template<> inline constexpr rule_error error_of< source_open > = {.message = "expected `{` to open the source's columns", .help = "write `source salesforce \"Salesforce report\" { \"Close Date\" -> close_date as date \"MM/DD/YYYY\" }`"};
template<> inline constexpr rule_error error_of< source_arrow > = {.message = "expected `->` and the fact this column fills", .help = "each column is `\"Column name\" -> fact`, like `\"Close Date\" -> close_date`"};
template<> inline constexpr rule_error error_of< source_fact > = {.message = "expected the fact this column fills after `->`", .names = "a fact"};
template<> inline constexpr rule_error error_of< source_format > = {.message = "expected how the column is written after `as`: `money`, `number`, `percent`, `date \"MM/DD/YYYY\"`, `bool` or `list \";\"`", .suggestions = "money number percent date bool list"};
template<> inline constexpr rule_error error_of< source_date_pattern > = {.message = "expected the date's pattern in quotes after `date`, like `date \"MM/DD/YYYY\"`"};
template<> inline constexpr rule_error error_of< source_separator > = {.message = "expected the separator in quotes after `list`, like `list \";\"`"};
template<> inline constexpr rule_error error_of< source_equals > = {.message = "expected `=` and the value every record gets, or `->` after a column name in quotes", .help = "a constant is `currency = \"USD\"`; a column is `\"Close Date\" -> close_date`"};
template<> inline constexpr rule_error error_of< source_constant_value > = {.message = "expected the value in quotes after `=`, like `currency = \"USD\"`"};
template<> inline constexpr rule_error error_of< footer_next > = {.message = "expected the text a footer line starts with, in quotes, after `,`"};
template<> inline constexpr rule_error error_of< source_close > = {.message = "expected a column, a constant, `footer` or `}` to close {open}", .help = "one column a line: `\"Close Date\" -> close_date as date \"MM/DD/YYYY\"`", .note = kOpenedHere};

// ---- Waivers
template<> inline constexpr rule_error error_of< waiver_name > = {.message = "expected a waiver name after `waiver`", .names = "a waiver"};
template<> inline constexpr rule_error error_of< waiver_open > = {.message = kContextOpen};
template<> inline constexpr rule_error error_of< waiver_deal_id > = {.message = "expected the deal's id as a string after `deal`", .help = "write `deal \"D-2026-0142\"`; a waiver for the deals whose facts fit a condition says `when ...` instead"};
template<> inline constexpr rule_error error_of< waiver_next_deal_id > = {.message = "expected a deal id string after `,`"};
template<> inline constexpr rule_error error_of< waiver_condition > = {.message = "expected a condition over the deal's facts after `when`"};
template<> inline constexpr rule_error error_of< waiver_target > = {.message = "expected a milestone, gate or condition id after {prev}", .names = "a milestone"};
template<> inline constexpr rule_error error_of< waiver_target_condition > = {.message = kConditionAfterDot};
template<> inline constexpr rule_error error_of< approved_by > = {.message = "expected `by` and who approved the waiver, after `approved`", .help = "write `approved by \"Dana Lee, VP Sales\"`"};
template<> inline constexpr rule_error error_of< waiver_approver > = {.message = "expected who approved the waiver, as a string, after `approved by`"};
template<> inline constexpr rule_error error_of< waiver_reason_text > = {.message = "expected why the waiver was granted, as a string, after `reason`"};
template<> inline constexpr rule_error error_of< waiver_until_date > = {.message = "expected the last day the waiver holds, `@YYYY-MM-DD`, after `until`"};
template<> inline constexpr rule_error error_of< waiver_close > = {.message = "expected `deal`, `when`, `waives`, `approved by`, `reason`, `until` or `}` in {context}", .note = kStartsHere, .suggestions = "deal when waives approved reason until"};

// ---- Tests
template<> inline constexpr rule_error error_of< test_name > = {.message = "expected the test's name string after `test`"};
template<> inline constexpr rule_error error_of< test_open > = {.message = kContextOpen};
template<> inline constexpr rule_error error_of< given_clause > = {.message = "expected `given` and the deal record at the start of {context}", .suggestions = "given"};
template<> inline constexpr rule_error error_of< given_record > = {.message = "expected a record `{ ... }` after `given`"};
template<> inline constexpr rule_error error_of< today_date > = {.message = "expected a date `@YYYY-MM-DD` after `today`"};
template<> inline constexpr rule_error error_of< override_name > = error_of< param_name >;
template<> inline constexpr rule_error error_of< override_equals > = {.message = "expected `=` after the parameter name"};
template<> inline constexpr rule_error error_of< override_value > = {.message = kExpressionAfterEquals};
template<> inline constexpr rule_error error_of< expect_gate > = {.message = "expected a gate name after `expect`", .names = "a gate"};
template<> inline constexpr rule_error error_of< expect_status > = {.message = "expected a status (`pass`, `fail` or `unknown`)"};
template<> inline constexpr rule_error error_of< reference > = {.message = "expected a milestone or condition after {prev}", .names = "a milestone"};
template<> inline constexpr rule_error error_of< ref_condition > = {.message = kConditionAfterDot};
template<> inline constexpr rule_error error_of< waived_reference > = {.message = "expected a milestone or condition after `waived`", .names = "a milestone"};
template<> inline constexpr rule_error error_of< waived_ref_condition > = {.message = kConditionAfterDot};
template<> inline constexpr rule_error error_of< first_expectation > = {.message = "expected `expect` (a test needs at least one expectation)", .suggestions = "today param expect"};
template<> inline constexpr rule_error error_of< test_close > = {.message = "expected `expect` or `}` to close {context}", .note = kStartsHere, .suggestions = "expect"};

// ---- The file
template<> inline constexpr rule_error error_of< end_of_file > = {.message = "expected a declaration (`ruleset`, `phases`, `facts`, `const`, `param`, `milestone`, `gate`, `stages`, `waiver` or `test`)", .suggestions = "ruleset phases facts const param milestone gate stages waiver test"};

// clang-format on

// Not tied to a must-point: raised by the control (nesting) or by an action.
inline constexpr const char* kTooDeep = "expression is nested too deeply (more than 256 levels)";
inline constexpr const char* kTooDeepHelp =
    "split it into several conditions, or milestones that the gate `requires`";
inline constexpr int kMaxExprHeight = 1024;
inline constexpr const char* kTooComplex =
    "expression is too complex (more than 1024 levels of operators)";
inline constexpr const char* kTooComplexHelp =
    "split it into several conditions, or test membership with `in [...]`";
inline constexpr const char* kRecordOutsideGiven =
    "a record `{ ... }` can only appear in a test's `given`";
inline constexpr const char* kRecordOutsideGivenHelp =
    "records describe deals in tests; rules read facts through paths like `value.price`";
inline constexpr const char* kCommentInInterpolation = "unexpected `#` in an interpolation";
inline constexpr const char* kCommentInInterpolationHelp =
    "a message string cannot hold a comment; to show `#`, put it outside `{...}`";

}  // namespace dealgate::grammar
