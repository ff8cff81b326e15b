// What a syntax error says: one entry per must-point of grammar.hpp, beside the grammar, not in it.
// `error_message<Rule>` is what `pegtl::must_if` reads; a must-point without one fails to compile.
// The other tables are optional refinements, read by the control in parser.cpp:
//   error_help<Rule>         a fixed `help:` line
//   error_note<Rule>         a note placed at the innermost open bracket (`any(`, `[`, `{`, ...)
//   error_names<Rule>        what the expected identifier names ("a fact"); a reserved word found
//                            there gets "`count` is a reserved word and cannot name a fact"
//   error_suggestions<Rule>  space-separated words for "did you mean `x`?" on the offending word
//   error_anchor<Rule>       where the diagnostic points when not at the offending token
// Placeholders filled in when the message is rendered: {prev} the token before the error point,
// {open} the innermost open bracket, {context} the declaration being read ("milestone `x`").
// Only parser.cpp includes this file.
#pragma once

#include <string_view>

#include "grammar/grammar.hpp"

namespace dealgate::grammar {

enum class error_anchor_kind { token, string_start, message_start };

template <typename Rule>
inline constexpr const char* error_message = nullptr;
template <typename Rule>
inline constexpr const char* error_help = nullptr;
template <typename Rule>
inline constexpr const char* error_note = nullptr;
template <typename Rule>
inline constexpr const char* error_names = nullptr;
template <typename Rule>
inline constexpr std::string_view error_suggestions = {};
template <typename Rule>
inline constexpr error_anchor_kind error_anchor = error_anchor_kind::token;

// The interface `pegtl::must_if` expects.
struct errors {
  template <typename Rule>
  static constexpr const char* message = error_message<Rule>;
};

inline constexpr const char* kExpectedType =
    "expected a type (`bool`, `number`, `string`, `date`, `list<...>` or `{...}`)";
inline constexpr std::string_view kTypeWords = "bool number string date list";

// clang-format off

// ---- Literals
template<> inline constexpr const char* error_message< number_end > = "malformed number";
template<> inline constexpr const char* error_help< number_end > = "numbers are written like `12`, `12.5` or `1_000_000`";
template<> inline constexpr const char* error_message< date_body > = "expected a date `YYYY-MM-DD` after `@`";
template<> inline constexpr const char* error_message< string_close > = "unterminated string";
template<> inline constexpr const char* error_help< string_close > = "close it with `\"` on the same line; write `\\n` for a line break";
template<> inline constexpr error_anchor_kind error_anchor< string_close > = error_anchor_kind::string_start;

// ---- Expressions
template<> inline constexpr const char* error_message< paren_inner > = "expected an expression after `(`";
template<> inline constexpr const char* error_message< paren_close > = "expected `)` to close {open}";
template<> inline constexpr const char* error_note< paren_close > = "{open} opened here";
template<> inline constexpr const char* error_message< list_close > = "expected `,` or `]` to close {open}";
template<> inline constexpr const char* error_note< list_close > = "{open} opened here";
template<> inline constexpr const char* error_message< record_colon > = "expected `:` after the field name";
template<> inline constexpr const char* error_message< record_value > = "expected a value after `:`";
template<> inline constexpr const char* error_message< missing_comma > = "expected `,` between fields";
template<> inline constexpr const char* error_help< missing_comma > = "separate fields on the same line with `,`";
template<> inline constexpr const char* error_message< field_end > = "expected `,` or `}` after the field";
template<> inline constexpr const char* error_message< record_close > = "expected a field name or `}` to close {open}";
template<> inline constexpr const char* error_note< record_close > = "{open} opened here";
template<> inline constexpr const char* error_names< record_close > = "a field";
template<> inline constexpr const char* error_message< call_close > = "expected `)` to close {open}";
template<> inline constexpr const char* error_note< call_close > = "{open} opened here";
template<> inline constexpr const char* error_message< binder_list > = "expected a list after `in`";
template<> inline constexpr const char* error_message< quantifier_body > = "expected an expression after `:`";
template<> inline constexpr const char* error_message< keyword_call_open > = "expected `(` after {prev}";
template<> inline constexpr const char* error_help< keyword_call_open > = "`count`, `exists`, `any` and `all` are functions and cannot name a value";
template<> inline constexpr const char* error_message< path_segment > = "expected a field name after `.`";
template<> inline constexpr const char* error_names< path_segment > = "a fact";
template<> inline constexpr const char* error_message< negate_operand > = "expected an expression after `-`";
template<> inline constexpr const char* error_message< coalesce_operand > = "expected an expression after `??`";
template<> inline constexpr const char* error_message< multiplicative_operand > = "expected an expression after {prev}";
template<> inline constexpr const char* error_message< additive_operand > = "expected an expression after {prev}";
template<> inline constexpr const char* error_message< comparison_operand > = "expected an expression after {prev}";
template<> inline constexpr const char* error_message< single_equal > = "`=` is not a comparison operator";
template<> inline constexpr const char* error_help< single_equal > = "write `==` to compare two values";
template<> inline constexpr const char* error_message< chained_comparison > = "comparison operators cannot be chained";
template<> inline constexpr const char* error_help< chained_comparison > = "combine them with `and`: `a < b and b < c`";
template<> inline constexpr const char* error_message< not_operand > = "expected an expression after `not`";
template<> inline constexpr const char* error_message< and_operand > = "expected an expression after `and`";
template<> inline constexpr const char* error_message< or_operand > = "expected an expression after `or`";
template<> inline constexpr const char* error_message< c_style_not > = "`!` is not an operator";
template<> inline constexpr const char* error_help< c_style_not > = "write `not`";
template<> inline constexpr const char* error_message< c_style_and > = "`&&` is not an operator";
template<> inline constexpr const char* error_help< c_style_and > = "write `and`";
template<> inline constexpr const char* error_message< c_style_or > = "`||` is not an operator";
template<> inline constexpr const char* error_help< c_style_or > = "write `or`";

// ---- Messages
template<> inline constexpr const char* error_message< interpolation_expr > = "expected an expression after `{` in the message";
template<> inline constexpr const char* error_help< interpolation_expr > = "write `{{` for a literal `{`";
template<> inline constexpr const char* error_message< interpolation_close > = "expected `}` to close the interpolation";
template<> inline constexpr const char* error_note< interpolation_close > = "the interpolation starts here";
template<> inline constexpr const char* error_message< lone_close_brace > = "unmatched `}` in the message";
template<> inline constexpr const char* error_help< lone_close_brace > = "write `}}` for a literal `}`";
template<> inline constexpr const char* error_message< message_close > = "unterminated string";
template<> inline constexpr const char* error_help< message_close > = "close it with `\"` on the same line; write `\\n` for a line break";
template<> inline constexpr error_anchor_kind error_anchor< message_close > = error_anchor_kind::message_start;

// ---- Types
template<> inline constexpr const char* error_message< list_type_open > = "expected `<` after `list`";
template<> inline constexpr const char* error_help< list_type_open > = "write the element type in angle brackets, like `list<string>`";
template<> inline constexpr const char* error_message< list_element_type > = kExpectedType;
template<> inline constexpr std::string_view error_suggestions< list_element_type > = kTypeWords;
template<> inline constexpr const char* error_message< list_type_close > = "expected `>` to close {open}";
template<> inline constexpr const char* error_message< type_field_colon > = "expected `:` after the field name";
template<> inline constexpr const char* error_message< field_type > = kExpectedType;
template<> inline constexpr std::string_view error_suggestions< field_type > = kTypeWords;
template<> inline constexpr const char* error_message< record_type_close > = "expected a field name or `}` to close {open}";
template<> inline constexpr const char* error_note< record_type_close > = "{open} opened here";
template<> inline constexpr const char* error_names< record_type_close > = "a fact";

// ---- Blocks
template<> inline constexpr const char* error_message< requires_name > = "expected a milestone or gate name after {prev}";
template<> inline constexpr const char* error_names< requires_name > = "a milestone";
template<> inline constexpr const char* error_message< label_name > = "expected a condition label";
template<> inline constexpr const char* error_names< label_name > = "a condition";
template<> inline constexpr const char* error_message< label_without_colon > = "expected `:` after the label `{token}`";
template<> inline constexpr const char* error_help< label_without_colon > = "a label names the condition, and a `:` ends it: `{token}: ...`";
template<> inline constexpr const char* error_message< condition_expr > = "expected a condition after {prev}";
template<> inline constexpr const char* error_message< else_message > = "expected a message string after `else`";
template<> inline constexpr const char* error_message< block_close > = "expected a statement (`requires`, `require` or `warn`) or `}`";
template<> inline constexpr const char* error_note< block_close > = "the block of {context} starts here";
template<> inline constexpr std::string_view error_suggestions< block_close > = "requires require warn";
template<> inline constexpr const char* error_message< milestone_name > = "expected a milestone name after `milestone`";
template<> inline constexpr const char* error_names< milestone_name > = "a milestone";
template<> inline constexpr const char* error_message< milestone_open > = "expected `{` to open the block of {context}";
template<> inline constexpr const char* error_message< gate_name > = "expected a gate name after `gate`";
template<> inline constexpr const char* error_names< gate_name > = "a gate";
template<> inline constexpr const char* error_message< enters_phase > = "expected a phase name after `enters`";
template<> inline constexpr const char* error_names< enters_phase > = "a phase";
template<> inline constexpr const char* error_message< gate_open > = "expected `{` to open the block of {context}";
template<> inline constexpr std::string_view error_suggestions< gate_open > = "enters";

// ---- Other declarations
template<> inline constexpr const char* error_message< ruleset_title > = "expected a title string after `ruleset`";
template<> inline constexpr const char* error_message< phase_name > = "expected a phase name after {prev}";
template<> inline constexpr const char* error_names< phase_name > = "a phase";
template<> inline constexpr const char* error_message< facts_open > = "expected `{` after `facts`";
template<> inline constexpr const char* error_message< const_name > = "expected a constant name after `const`";
template<> inline constexpr const char* error_names< const_name > = "a constant";
template<> inline constexpr const char* error_message< const_equals > = "expected `=` and the value of {context}";
template<> inline constexpr const char* error_message< const_value > = "expected an expression after `=`";
template<> inline constexpr const char* error_message< param_name > = "expected a parameter name after `param`";
template<> inline constexpr const char* error_names< param_name > = "a parameter";
template<> inline constexpr const char* error_message< param_colon > = "expected `:` and the type of {context}";
template<> inline constexpr const char* error_message< param_type > = kExpectedType;
template<> inline constexpr std::string_view error_suggestions< param_type > = kTypeWords;
template<> inline constexpr const char* error_message< param_equals > = "expected `=` and the default value of {context}";
template<> inline constexpr const char* error_message< param_value > = "expected an expression after `=`";

// ---- The stage audit
template<> inline constexpr const char* error_message< stages_from > = "expected `from` and the fact that holds the CRM stage";
template<> inline constexpr const char* error_help< stages_from > = "write `stages from stage { \"Proposal\" -> Deliver }`";
template<> inline constexpr std::string_view error_suggestions< stages_from > = "from";
template<> inline constexpr const char* error_message< stage_fact > = "expected the fact that holds the CRM stage after `from`";
template<> inline constexpr const char* error_names< stage_fact > = "a fact";
template<> inline constexpr const char* error_message< stage_path_segment > = "expected a field name after `.`";
template<> inline constexpr const char* error_names< stage_path_segment > = "a fact";
template<> inline constexpr const char* error_message< stage_owner > = "expected the fact that names the deal's owner after `by`";
template<> inline constexpr const char* error_names< stage_owner > = "a fact";
template<> inline constexpr const char* error_message< stages_open > = "expected `{` to open the stage mapping (or `by` and the owner fact)";
template<> inline constexpr std::string_view error_suggestions< stages_open > = "by";
template<> inline constexpr const char* error_message< stage_next_value > = "expected a stage name string after `,`";
template<> inline constexpr const char* error_message< stage_arrow > = "expected `->` and the phase these stages belong to";
template<> inline constexpr const char* error_help< stage_arrow > = "write `\"Proposal\", \"Negotiation\" -> Deliver`, one phase a line";
template<> inline constexpr const char* error_message< stage_phase > = "expected a phase name (or `none`) after `->`";
template<> inline constexpr const char* error_names< stage_phase > = "a phase";
template<> inline constexpr const char* error_message< stages_close > = "expected a stage name string or `}` to close {open}";
template<> inline constexpr const char* error_note< stages_close > = "{open} opened here";
template<> inline constexpr const char* error_help< stages_close > = "each line maps CRM stages to a phase: `\"Closed Won\" -> Deliver`";

// ---- What a report shows
template<> inline constexpr const char* error_message< show_open > = "expected `{` to open the list of facts to show";
template<> inline constexpr const char* error_help< show_open > = "write `show { account \"Account\"  amount as money in currency }`";
template<> inline constexpr const char* error_message< show_money_word > = "expected `money` after `as`";
template<> inline constexpr std::string_view error_suggestions< show_money_word > = "money";
template<> inline constexpr const char* error_help< show_money_word > = "write `amount as money in currency`";
template<> inline constexpr const char* error_message< show_in > = "expected `in` and the currency after `as money`";
template<> inline constexpr std::string_view error_suggestions< show_in > = "in";
template<> inline constexpr const char* error_message< show_currency > = "expected the fact that holds the currency, or a currency code like \"EUR\"";
template<> inline constexpr const char* error_names< show_currency > = "a fact";
template<> inline constexpr const char* error_message< show_close > = "expected a fact to show or `}` to close {open}";
template<> inline constexpr const char* error_note< show_close > = "{open} opened here";
template<> inline constexpr const char* error_help< show_close > = "one fact a line, with an optional heading: `account \"Account\"`";
template<> inline constexpr const char* error_names< show_close > = "a fact";

// ---- Waivers
template<> inline constexpr const char* error_message< waiver_name > = "expected a waiver name after `waiver`";
template<> inline constexpr const char* error_names< waiver_name > = "a waiver";
template<> inline constexpr const char* error_message< waiver_open > = "expected `{` to open {context}";
template<> inline constexpr const char* error_message< waiver_deal_id > = "expected the deal's id as a string after `deal`";
template<> inline constexpr const char* error_help< waiver_deal_id > = "write `deal \"D-2026-0142\"`; a waiver for the deals whose facts fit a condition says `when ...` instead";
template<> inline constexpr const char* error_message< waiver_next_deal_id > = "expected a deal id string after `,`";
template<> inline constexpr const char* error_message< waiver_condition > = "expected a condition over the deal's facts after `when`";
template<> inline constexpr const char* error_message< waiver_target > = "expected a milestone, gate or condition id after {prev}";
template<> inline constexpr const char* error_names< waiver_target > = "a milestone";
template<> inline constexpr const char* error_message< waiver_target_condition > = "expected a condition label or number after `.`";
template<> inline constexpr const char* error_message< approved_by > = "expected `by` and who approved the waiver, after `approved`";
template<> inline constexpr const char* error_help< approved_by > = "write `approved by \"Dana Lee, VP Sales\"`";
template<> inline constexpr const char* error_message< waiver_approver > = "expected who approved the waiver, as a string, after `approved by`";
template<> inline constexpr const char* error_message< waiver_reason_text > = "expected why the waiver was granted, as a string, after `reason`";
template<> inline constexpr const char* error_message< waiver_until_date > = "expected the last day the waiver holds, `@YYYY-MM-DD`, after `until`";
template<> inline constexpr const char* error_message< waiver_close > = "expected `deal`, `when`, `waives`, `approved by`, `reason`, `until` or `}` in {context}";
template<> inline constexpr const char* error_note< waiver_close > = "{context} starts here";
template<> inline constexpr std::string_view error_suggestions< waiver_close > = "deal when waives approved reason until";

// ---- Tests
template<> inline constexpr const char* error_message< test_name > = "expected the test's name string after `test`";
template<> inline constexpr const char* error_message< test_open > = "expected `{` to open {context}";
template<> inline constexpr const char* error_message< given_clause > = "expected `given` and the deal record at the start of {context}";
template<> inline constexpr std::string_view error_suggestions< given_clause > = "given";
template<> inline constexpr const char* error_message< given_record > = "expected a record `{ ... }` after `given`";
template<> inline constexpr const char* error_message< today_date > = "expected a date `@YYYY-MM-DD` after `today`";
template<> inline constexpr const char* error_message< override_name > = "expected a parameter name after `param`";
template<> inline constexpr const char* error_names< override_name > = "a parameter";
template<> inline constexpr const char* error_message< override_equals > = "expected `=` after the parameter name";
template<> inline constexpr const char* error_message< override_value > = "expected an expression after `=`";
template<> inline constexpr const char* error_message< expect_gate > = "expected a gate name after `expect`";
template<> inline constexpr const char* error_names< expect_gate > = "a gate";
template<> inline constexpr const char* error_message< expect_status > = "expected a status (`pass`, `fail` or `unknown`)";
template<> inline constexpr const char* error_message< reference > = "expected a milestone or condition after {prev}";
template<> inline constexpr const char* error_names< reference > = "a milestone";
template<> inline constexpr const char* error_message< ref_condition > = "expected a condition label or number after `.`";
template<> inline constexpr const char* error_message< waived_reference > = "expected a milestone or condition after `waived`";
template<> inline constexpr const char* error_names< waived_reference > = "a milestone";
template<> inline constexpr const char* error_message< waived_ref_condition > = "expected a condition label or number after `.`";
template<> inline constexpr const char* error_message< first_expectation > = "expected `expect` (a test needs at least one expectation)";
template<> inline constexpr std::string_view error_suggestions< first_expectation > = "today param expect";
template<> inline constexpr const char* error_message< test_close > = "expected `expect` or `}` to close {context}";
template<> inline constexpr const char* error_note< test_close > = "{context} starts here";
template<> inline constexpr std::string_view error_suggestions< test_close > = "expect";

// ---- The file
template<> inline constexpr const char* error_message< end_of_file > = "expected a declaration (`ruleset`, `phases`, `facts`, `const`, `param`, `milestone`, `gate`, `stages`, `waiver` or `test`)";
template<> inline constexpr std::string_view error_suggestions< end_of_file > = "ruleset phases facts const param milestone gate stages waiver test";

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
