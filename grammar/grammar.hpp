// The grammar of `.gate` rule files (SPEC sections 3-5 and 8) as PEGTL rules, and nothing else:
// what happens on a match is in actions.hpp, what is said on a failure is in errors.hpp.
// Only parser.cpp (and the grammar tests) include this file.
//
// Two invariants keep the stack-building actions honest:
// - no rule with an action succeeds inside a branch that is later abandoned: every choice is made
//   by its first token or by an action-free look-ahead (`at<...>`), and after that the rest of the
//   construct is under `must<>`;
// - no rule ends with `sep`, so an action's matched text ends at the construct's last token.
#pragma once

#include <tao/pegtl.hpp>

namespace dealgate::grammar {

namespace pegtl = tao::pegtl;

// clang-format off

// ---- Lexical ------------------------------------------------------------------------------------

struct comment : pegtl::seq< pegtl::one< '#' >, pegtl::star< pegtl::not_one< '\n', '\r' > > > {};
struct sep : pegtl::star< pegtl::sor< pegtl::space, comment > > {};
struct blanks : pegtl::star< pegtl::blank > {};

// A keyword matches only as a whole word: `requires` never matches `require`, `counted` is no `count`.
template< typename Word > struct key : pegtl::seq< Word, pegtl::not_at< pegtl::identifier_other > > {};

struct key_ruleset : key< TAO_PEGTL_STRING( "ruleset" ) > {};
struct key_phases : key< TAO_PEGTL_STRING( "phases" ) > {};
struct key_facts : key< TAO_PEGTL_STRING( "facts" ) > {};
struct key_const : key< TAO_PEGTL_STRING( "const" ) > {};
struct key_param : key< TAO_PEGTL_STRING( "param" ) > {};
struct key_milestone : key< TAO_PEGTL_STRING( "milestone" ) > {};
struct key_gate : key< TAO_PEGTL_STRING( "gate" ) > {};
struct key_enters : key< TAO_PEGTL_STRING( "enters" ) > {};
struct key_requires : key< TAO_PEGTL_STRING( "requires" ) > {};
struct key_require : key< TAO_PEGTL_STRING( "require" ) > {};
struct key_warn : key< TAO_PEGTL_STRING( "warn" ) > {};
struct key_else : key< TAO_PEGTL_STRING( "else" ) > {};
struct key_test : key< TAO_PEGTL_STRING( "test" ) > {};
struct key_given : key< TAO_PEGTL_STRING( "given" ) > {};
struct key_expect : key< TAO_PEGTL_STRING( "expect" ) > {};
struct key_because : key< TAO_PEGTL_STRING( "because" ) > {};
struct key_today : key< TAO_PEGTL_STRING( "today" ) > {};
struct key_true : key< TAO_PEGTL_STRING( "true" ) > {};
struct key_false : key< TAO_PEGTL_STRING( "false" ) > {};
struct key_and : key< TAO_PEGTL_STRING( "and" ) > {};
struct key_or : key< TAO_PEGTL_STRING( "or" ) > {};
struct key_not : key< TAO_PEGTL_STRING( "not" ) > {};
struct key_in : key< TAO_PEGTL_STRING( "in" ) > {};
struct key_any : key< TAO_PEGTL_STRING( "any" ) > {};
struct key_all : key< TAO_PEGTL_STRING( "all" ) > {};
struct key_count : key< TAO_PEGTL_STRING( "count" ) > {};
struct key_exists : key< TAO_PEGTL_STRING( "exists" ) > {};
struct key_bool : key< TAO_PEGTL_STRING( "bool" ) > {};
struct key_number : key< TAO_PEGTL_STRING( "number" ) > {};
struct key_string : key< TAO_PEGTL_STRING( "string" ) > {};
struct key_date : key< TAO_PEGTL_STRING( "date" ) > {};
struct key_list : key< TAO_PEGTL_STRING( "list" ) > {};

struct keyword : pegtl::sor< key_ruleset, key_phases, key_facts, key_const, key_param, key_milestone,
                             key_gate, key_enters, key_requires, key_require, key_warn, key_else,
                             key_test, key_given, key_expect, key_because, key_today, key_true,
                             key_false, key_and, key_or, key_not, key_in, key_any, key_all, key_count,
                             key_exists, key_bool, key_number, key_string, key_date, key_list > {};

// Any identifier-shaped word, keyword or not (for look-aheads); `identifier` excludes keywords.
struct word : pegtl::identifier {};
struct identifier : pegtl::seq< pegtl::not_at< keyword >, pegtl::identifier > {};

// ---- Literals -----------------------------------------------------------------------------------

struct digits : pegtl::seq< pegtl::digit, pegtl::star< pegtl::opt< pegtl::one< '_' > >, pegtl::digit > > {};
struct number_end : pegtl::not_at< pegtl::identifier_other > {};
struct number : pegtl::seq< digits, pegtl::opt< pegtl::one< '.' >, digits >, pegtl::must< number_end > > {};

struct date_sign : pegtl::one< '@' > {};
struct date_body : pegtl::seq< pegtl::rep< 4, pegtl::digit >, pegtl::one< '-' >, pegtl::rep< 2, pegtl::digit >,
                               pegtl::one< '-' >, pegtl::rep< 2, pegtl::digit >,
                               pegtl::not_at< pegtl::identifier_other > > {};
struct date_literal : pegtl::seq< date_sign, pegtl::must< date_body > > {};

// Escapes are shared by plain strings and messages; a bad one is reported and parsing goes on.
struct escape_simple : pegtl::one< '"', '\\', 'n', 't' > {};
struct escape_unicode : pegtl::seq< pegtl::one< 'u' >, pegtl::one< '{' >,
                                    pegtl::rep_min_max< 1, 6, pegtl::xdigit >, pegtl::one< '}' > > {};
struct escape_malformed_unicode : pegtl::one< 'u' > {};
struct escape_unknown : pegtl::utf8::not_one< U'\n', U'\r' > {};
struct escape : pegtl::seq< pegtl::one< '\\' >, pegtl::sor< escape_simple, escape_unicode,
                                                           escape_malformed_unicode, escape_unknown > > {};

struct string_open : pegtl::one< '"' > {};
struct string_text : pegtl::plus< pegtl::not_one< '"', '\\', '\n', '\r' > > {};
struct string_close : pegtl::one< '"' > {};
struct string_literal : pegtl::seq< string_open, pegtl::star< pegtl::sor< string_text, escape > >,
                                    pegtl::must< string_close > > {};

// ---- Expressions --------------------------------------------------------------------------------

struct expression;

// Each precedence level is `operand (operator operand)*`; the operand after an operator is a
// must-point of its own, named after the level, so that its error message can name the operator.
template< typename Operator, typename Operand >
struct binary_tail : pegtl::seq< sep, Operator, sep, pegtl::must< Operand > > {};
template< typename Operand, typename Tail >
struct left_assoc : pegtl::seq< Operand, pegtl::star< Tail > > {};

struct or_operator : key_or {};
struct and_operator : key_and {};
struct not_operator : key_not {};
struct op_equal : pegtl::two< '=' > {};
struct op_not_equal : pegtl::string< '!', '=' > {};
struct op_less_equal : pegtl::string< '<', '=' > {};
struct op_less : pegtl::one< '<' > {};
struct op_greater_equal : pegtl::string< '>', '=' > {};
struct op_greater : pegtl::one< '>' > {};
struct op_in : key_in {};
struct op_not_in : pegtl::seq< key_not, sep, key_in > {};
struct single_equal : pegtl::failure {};
struct op_single_equal : pegtl::seq< pegtl::at< pegtl::one< '=' > >, pegtl::must< single_equal > > {};
struct comparison_operator : pegtl::sor< op_equal, op_not_equal, op_less_equal, op_less, op_greater_equal,
                                         op_greater, op_in, op_not_in, op_single_equal > {};
struct comparison_ahead : pegtl::sor< pegtl::one< '=', '<', '>' >, pegtl::string< '!', '=' >, key_in,
                                      pegtl::seq< key_not, sep, key_in > > {};
struct op_add : pegtl::one< '+' > {};
struct op_subtract : pegtl::seq< pegtl::one< '-' >, pegtl::not_at< pegtl::one< '>' > > > {};
struct additive_operator : pegtl::sor< op_add, op_subtract > {};
struct op_multiply : pegtl::one< '*' > {};
struct op_divide : pegtl::one< '/' > {};
struct multiplicative_operator : pegtl::sor< op_multiply, op_divide > {};
struct negate_operator : pegtl::seq< pegtl::one< '-' >, pegtl::not_at< pegtl::one< '>' > > > {};
struct coalesce_operator : pegtl::two< '?' > {};

struct true_literal : key_true {};
struct false_literal : key_false {};
struct today_literal : key_today {};
struct number_literal : number {};
struct string_expr : string_literal {};
struct date_expr : date_literal {};

struct paren_open : pegtl::one< '(' > {};
struct paren_inner : pegtl::seq< expression > {};
struct paren_close : pegtl::one< ')' > {};
struct paren_expr : pegtl::seq< paren_open, sep, pegtl::must< paren_inner >, sep, pegtl::must< paren_close > > {};

struct list_open : pegtl::one< '[' > {};
struct list_element : pegtl::seq< expression > {};
struct list_close : pegtl::one< ']' > {};
struct list_body : pegtl::seq< pegtl::opt< list_element, pegtl::star< sep, pegtl::one< ',' >, sep, list_element >,
                                           pegtl::opt< sep, pegtl::one< ',' > > >,
                               sep, pegtl::must< list_close > > {};
struct list_literal : pegtl::seq< list_open, sep, list_body > {};

// Record fields (and record-type fields) end with a `,` or a line break, or before the `}`.
struct missing_comma : pegtl::failure {};
struct field_end : pegtl::sor< pegtl::seq< blanks, pegtl::one< ',' > >,
                               pegtl::seq< blanks, pegtl::at< pegtl::sor< pegtl::one< '\n', '\r', '#', '}' >, pegtl::eof > > >,
                               pegtl::seq< blanks, pegtl::at< word >, pegtl::must< missing_comma > > > {};

struct record_open : pegtl::one< '{' > {};
struct record_key : identifier {};
struct record_colon : pegtl::one< ':' > {};
struct record_value : pegtl::seq< expression > {};
struct record_field : pegtl::seq< record_key, sep, pegtl::must< record_colon >, sep, pegtl::must< record_value > > {};
struct record_close : pegtl::one< '}' > {};
struct record_body : pegtl::seq< pegtl::star< sep, record_field, pegtl::must< field_end > >, sep, pegtl::must< record_close > > {};
struct record_literal : pegtl::seq< record_open, record_body > {};

// Calls. `fn(x in list: body)` is a quantifier; `fn(x in list)` (no `:`) is a call whose argument
// is the comparison `x in list`. Both start alike, so the binder and the list are read once and
// what follows decides: `:` makes a quantifier, anything else continues the comparison.
struct callee_keyword : pegtl::sor< key_count, key_exists, key_any, key_all > {};
struct callee : pegtl::sor< identifier, callee_keyword > {};
struct call_open : pegtl::one< '(' > {};
struct call_close : pegtl::one< ')' > {};
struct call_argument : pegtl::seq< expression > {};
struct call_rest : pegtl::seq< pegtl::star< sep, pegtl::one< ',' >, sep, call_argument >,
                               pegtl::opt< sep, pegtl::one< ',' > >, sep, pegtl::must< call_close > > {};
struct binder_name : identifier {};
struct binder_in : key_in {};
struct additive_expr;
struct binder_list : pegtl::seq< additive_expr > {};
struct binder_head : pegtl::seq< binder_name, sep, binder_in, sep, pegtl::must< binder_list > > {};
struct quantifier_colon : pegtl::one< ':' > {};
struct quantifier_body : pegtl::seq< expression > {};
struct quantifier_rest : pegtl::seq< sep, quantifier_colon, sep, pegtl::must< quantifier_body >, sep,
                                     pegtl::must< call_close > > {};
struct binder_comparison : pegtl::success {};
struct comparison_end;
struct and_tail;
struct or_tail;
struct binder_argument : pegtl::seq< binder_comparison, comparison_end, pegtl::star< and_tail >,
                                     pegtl::star< or_tail > > {};
struct call_arguments : pegtl::sor<
   pegtl::seq< pegtl::at< identifier, sep, key_in >, binder_head,
               pegtl::sor< quantifier_rest, pegtl::seq< binder_argument, call_rest > > >,
   pegtl::seq< call_argument, call_rest >,
   pegtl::must< call_close > > {};
struct call : pegtl::seq< pegtl::at< callee, sep, pegtl::one< '(' > >, callee, sep, call_open, sep, call_arguments > {};
// `count`, `exists`, `any` and `all` are keywords that can only be called.
struct keyword_call_open : pegtl::one< '(' > {};
struct keyword_without_call : pegtl::seq< callee_keyword, sep, pegtl::must< keyword_call_open > > {};

struct path_head : identifier {};
struct path_segment : identifier {};
struct path : pegtl::seq< path_head, pegtl::star< pegtl::one< '.' >, sep, pegtl::must< path_segment > > > {};

struct primary : pegtl::sor< number_literal, string_expr, date_expr, true_literal, false_literal,
                             today_literal, list_literal, paren_expr, record_literal, call, path,
                             keyword_without_call > {};

struct negate_operand;
struct negation : pegtl::seq< negate_operator, sep, pegtl::must< negate_operand > > {};
struct coalesce_operand : pegtl::sor< negation, primary > {};
struct coalesce_expr : left_assoc< primary, binary_tail< coalesce_operator, coalesce_operand > > {};
struct unary_expr : pegtl::sor< negation, coalesce_expr > {};
struct negate_operand : pegtl::seq< unary_expr > {};
struct multiplicative_operand : pegtl::seq< unary_expr > {};
struct multiplicative_expr : left_assoc< unary_expr, binary_tail< multiplicative_operator, multiplicative_operand > > {};
struct additive_operand : pegtl::seq< multiplicative_expr > {};
struct additive_expr : left_assoc< multiplicative_expr, binary_tail< additive_operator, additive_operand > > {};
// Comparisons do not chain: `a < b < c` is an error, not `(a < b) < c`.
struct chained_comparison : pegtl::failure {};
struct comparison_end : pegtl::sor< pegtl::not_at< sep, comparison_ahead >,
                                    pegtl::seq< sep, pegtl::must< chained_comparison > > > {};
struct comparison_operand : pegtl::seq< additive_expr > {};
struct comparison_tail : binary_tail< comparison_operator, comparison_operand > {};
struct comparison_expr : pegtl::seq< additive_expr, pegtl::opt< comparison_tail, comparison_end > > {};
// `!`, `&&` and `||` are not operators here; say which word to write instead.
struct c_style_not : pegtl::failure {};
struct c_style_and : pegtl::failure {};
struct c_style_or : pegtl::failure {};
struct bang_instead_of_not : pegtl::seq< pegtl::at< pegtl::one< '!' >, pegtl::not_at< pegtl::one< '=' > > >,
                                         pegtl::must< c_style_not > > {};
struct ampersands_instead_of_and : pegtl::seq< sep, pegtl::at< pegtl::two< '&' > >, pegtl::must< c_style_and > > {};
struct bars_instead_of_or : pegtl::seq< sep, pegtl::at< pegtl::two< '|' > >, pegtl::must< c_style_or > > {};

struct not_expr;
struct not_operand : pegtl::seq< not_expr > {};
struct not_prefix : pegtl::seq< not_operator, sep, pegtl::must< not_operand > > {};
struct not_expr : pegtl::sor< not_prefix, comparison_expr, bang_instead_of_not > {};
struct and_operand : pegtl::seq< not_expr > {};
struct and_tail : binary_tail< and_operator, and_operand > {};
struct and_expr : left_assoc< not_expr, pegtl::sor< and_tail, ampersands_instead_of_and > > {};
struct or_operand : pegtl::seq< and_expr > {};
struct or_tail : binary_tail< or_operator, or_operand > {};
struct or_expr : left_assoc< and_expr, pegtl::sor< or_tail, bars_instead_of_or > > {};
struct expression : or_expr {};

// ---- Messages: `else "text {expr} {{literal}}"` -------------------------------------------------

struct message_open : pegtl::one< '"' > {};
struct message_text : pegtl::plus< pegtl::not_one< '"', '\\', '\n', '\r', '{', '}' > > {};
struct message_open_brace : pegtl::two< '{' > {};
struct message_close_brace : pegtl::two< '}' > {};
struct interpolation_open : pegtl::one< '{' > {};
struct interpolation_expr : pegtl::seq< expression > {};
struct interpolation_close : pegtl::one< '}' > {};
struct interpolation : pegtl::seq< interpolation_open, sep, pegtl::must< interpolation_expr >, sep,
                                   pegtl::must< interpolation_close > > {};
struct lone_close_brace : pegtl::failure {};
struct message_stray_brace : pegtl::seq< pegtl::at< pegtl::one< '}' > >, pegtl::must< lone_close_brace > > {};
struct message_close : pegtl::one< '"' > {};
struct message_string : pegtl::seq< message_open,
                                    pegtl::star< pegtl::sor< message_text, message_open_brace, message_close_brace,
                                                             escape, interpolation, message_stray_brace > >,
                                    pegtl::must< message_close > > {};

// ---- Types --------------------------------------------------------------------------------------

struct type_expr;

struct bool_type : key_bool {};
struct number_type : key_number {};
struct string_type : key_string {};
struct date_type : key_date {};
struct list_type_keyword : key_list {};
struct list_type_open : pegtl::one< '<' > {};
struct list_element_type : pegtl::seq< type_expr > {};
struct list_type_close : pegtl::one< '>' > {};
struct list_type : pegtl::seq< list_type_keyword, sep, pegtl::must< list_type_open >, sep,
                               pegtl::must< list_element_type >, sep, pegtl::must< list_type_close > > {};

struct type_field_name : identifier {};
struct type_field_colon : pegtl::one< ':' > {};
struct field_type : pegtl::seq< type_expr > {};
struct type_field : pegtl::seq< type_field_name, sep, pegtl::must< type_field_colon >, sep, pegtl::must< field_type > > {};
struct record_type_open : pegtl::one< '{' > {};
struct record_type_close : pegtl::one< '}' > {};
struct record_type_body : pegtl::seq< pegtl::star< sep, type_field, pegtl::must< field_end > >, sep,
                                      pegtl::must< record_type_close > > {};
struct record_type : pegtl::seq< record_type_open, record_type_body > {};

struct type_expr : pegtl::sor< bool_type, number_type, string_type, date_type, list_type, record_type > {};

// ---- Milestone and gate blocks ------------------------------------------------------------------

struct requires_keyword : key_requires {};
struct requires_name : identifier {};
struct requires_stmt : pegtl::seq< requires_keyword, sep, pegtl::must< requires_name >,
                                   pegtl::star< sep, pegtl::one< ',' >, sep, pegtl::must< requires_name > > > {};

// `require label: expr` — the label is `word :` (a look-ahead decides, no expression starts so).
struct label_name : identifier {};
struct condition_label : pegtl::seq< pegtl::at< word, sep, pegtl::one< ':' > >, pegtl::must< label_name >, sep,
                                     pegtl::one< ':' >, sep > {};
// `require roi value.benefit >= 3`: a label without its `:`. A word, then on the same line a
// second word, number or date, is never a condition (an operator would stand between them).
struct operator_word_any_case : pegtl::sor< key< pegtl::istring< 'a', 'n', 'd' > >, key< pegtl::istring< 'o', 'r' > >,
                                            key< pegtl::istring< 'n', 'o', 't' > >, key< pegtl::istring< 'i', 'n' > > > {};
struct expression_word : pegtl::seq< pegtl::not_at< operator_word_any_case >, pegtl::sor< identifier, callee_keyword,
                                                                                            key_true, key_false, key_today > > {};
struct label_without_colon : pegtl::failure {};
struct missing_label_colon : pegtl::seq< pegtl::at< pegtl::not_at< operator_word_any_case >, identifier, blanks,
                                                    pegtl::sor< expression_word, pegtl::digit, pegtl::one< '@' > > >,
                                         pegtl::must< label_without_colon > > {};
struct condition_expr : pegtl::seq< expression > {};
struct else_message : message_string {};
struct else_clause : pegtl::seq< sep, key_else, sep, pegtl::must< else_message > > {};
struct require_keyword : key_require {};
struct warn_keyword : key_warn {};
struct require_stmt : pegtl::seq< require_keyword, sep, pegtl::opt< condition_label >, pegtl::opt< missing_label_colon >,
                                  pegtl::must< condition_expr >, pegtl::opt< else_clause > > {};
struct warn_stmt : pegtl::seq< warn_keyword, sep, pegtl::opt< condition_label >, pegtl::opt< missing_label_colon >,
                               pegtl::must< condition_expr >, pegtl::opt< else_clause > > {};
struct statement : pegtl::sor< requires_stmt, require_stmt, warn_stmt > {};

struct block_close : pegtl::one< '}' > {};
struct block_contents : pegtl::seq< sep, pegtl::star< statement, sep >, pegtl::must< block_close > > {};
struct block_label : string_literal {};

struct milestone_keyword : key_milestone {};
struct milestone_name : identifier {};
struct milestone_open : pegtl::one< '{' > {};
struct milestone_decl : pegtl::seq< milestone_keyword, sep, pegtl::must< milestone_name >, sep,
                                    pegtl::opt< block_label, sep >, pegtl::must< milestone_open >,
                                    block_contents > {};

struct gate_keyword : key_gate {};
struct gate_name : identifier {};
struct enters_phase : identifier {};
struct gate_open : pegtl::one< '{' > {};
struct gate_decl : pegtl::seq< gate_keyword, sep, pegtl::must< gate_name >, sep, pegtl::opt< block_label, sep >,
                               pegtl::opt< key_enters, sep, pegtl::must< enters_phase >, sep >,
                               pegtl::must< gate_open >, block_contents > {};

// ---- Other declarations -------------------------------------------------------------------------

struct ruleset_keyword : key_ruleset {};
struct ruleset_title : string_literal {};
struct ruleset_decl : pegtl::seq< ruleset_keyword, sep, pegtl::must< ruleset_title > > {};

struct phases_keyword : key_phases {};
struct phase_name : identifier {};
struct phase_arrow : pegtl::string< '-', '>' > {};
struct phases_decl : pegtl::seq< phases_keyword, sep, pegtl::must< phase_name >,
                                 pegtl::star< sep, phase_arrow, sep, pegtl::must< phase_name > > > {};

struct facts_keyword : key_facts {};
struct facts_open : pegtl::one< '{' > {};
struct facts_decl : pegtl::seq< facts_keyword, sep, pegtl::must< facts_open >, record_type_body > {};

struct const_keyword : key_const {};
struct const_name : identifier {};
struct const_equals : pegtl::one< '=' > {};
struct const_value : pegtl::seq< expression > {};
struct const_decl : pegtl::seq< const_keyword, sep, pegtl::must< const_name >, sep, pegtl::must< const_equals >,
                                sep, pegtl::must< const_value > > {};

struct param_keyword : key_param {};
struct param_name : identifier {};
struct param_colon : pegtl::one< ':' > {};
struct param_type : pegtl::seq< type_expr > {};
struct param_equals : pegtl::one< '=' > {};
struct param_value : pegtl::seq< expression > {};
struct param_decl : pegtl::seq< param_keyword, sep, pegtl::must< param_name >, sep, pegtl::must< param_colon >,
                                sep, pegtl::must< param_type >, sep, pegtl::must< param_equals >, sep,
                                pegtl::must< param_value > > {};

// ---- The stage audit: `stages from stage by owner { "Proposal", "Negotiation" -> Deliver }` ------
// `stages`, `from`, `by` and `none` are words only here, not reserved: a fact may be named `stage`,
// `stages`, `from` or `owner`, as the SPEC's example names one `stage`.

struct stages_keyword : key< TAO_PEGTL_STRING( "stages" ) > {};
struct stages_from : key< TAO_PEGTL_STRING( "from" ) > {};
struct stage_path_segment : identifier {};
struct stage_fact : pegtl::seq< identifier, pegtl::star< pegtl::one< '.' >, pegtl::must< stage_path_segment > > > {};
struct stages_by : key< TAO_PEGTL_STRING( "by" ) > {};
struct stage_owner : pegtl::seq< identifier, pegtl::star< pegtl::one< '.' >, pegtl::must< stage_path_segment > > > {};
struct stages_open : pegtl::one< '{' > {};
struct stage_value : string_literal {};
struct stage_next_value : pegtl::seq< stage_value > {};
struct stage_arrow : pegtl::string< '-', '>' > {};
struct stage_phase : identifier {};
struct stage_mapping : pegtl::seq< stage_value, pegtl::star< sep, pegtl::one< ',' >, sep, pegtl::must< stage_next_value > >,
                                   sep, pegtl::must< stage_arrow >, sep, pegtl::must< stage_phase > > {};
struct stages_close : pegtl::one< '}' > {};
struct stages_body : pegtl::seq< sep, pegtl::star< stage_mapping, sep >, pegtl::must< stages_close > > {};
struct stages_decl : pegtl::seq< stages_keyword, sep, pegtl::must< stages_from >, sep, pegtl::must< stage_fact >, sep,
                                 pegtl::opt< stages_by, sep, pegtl::must< stage_owner >, sep >,
                                 pegtl::must< stages_open >, stages_body > {};

// ---- What a report shows beside a deal's id: `show { account "Account"  amount as money in currency }`
// `show`, `as` and `money` are words only here, not reserved. Each line names one fact, optionally
// its heading, and `as money in <currency fact or "EUR">` for the one amount totalled per currency.

struct show_keyword : key< TAO_PEGTL_STRING( "show" ) > {};
struct show_open : pegtl::one< '{' > {};
struct show_fact : pegtl::seq< identifier, pegtl::star< pegtl::one< '.' >, pegtl::must< stage_path_segment > > > {};
struct show_label : string_literal {};
struct show_as : key< TAO_PEGTL_STRING( "as" ) > {};
struct show_money_word : key< TAO_PEGTL_STRING( "money" ) > {};
struct show_in : key< TAO_PEGTL_STRING( "in" ) > {};
struct show_currency_code : string_literal {};
struct show_currency_fact : pegtl::seq< identifier, pegtl::star< pegtl::one< '.' >, pegtl::must< stage_path_segment > > > {};
struct show_currency : pegtl::sor< show_currency_code, show_currency_fact > {};
struct show_money : pegtl::seq< show_as, sep, pegtl::must< show_money_word >, sep, pegtl::must< show_in >, sep,
                                pegtl::must< show_currency > > {};
// The trailing white space stays outside a field, so a comment after it is not part of its span.
struct show_field : pegtl::seq< show_fact, pegtl::opt< sep, show_label >, pegtl::opt< sep, show_money > > {};
struct show_close : pegtl::one< '}' > {};
struct show_body : pegtl::seq< sep, pegtl::star< show_field, sep >, pegtl::must< show_close > > {};
struct show_decl : pegtl::seq< show_keyword, sep, pegtl::must< show_open >, show_body > {};

// ---- Waivers: `waiver name "label" { deal "D-1" ... }` --------------------------------------------
// Like `stages`, the words of a waiver are words only here, not reserved: a fact may be named `deal`,
// `reason` or `until`.

struct positive_integer : pegtl::seq< pegtl::range< '1', '9' >, pegtl::star< pegtl::digit >,
                                      pegtl::not_at< pegtl::identifier_other > > {};
struct waiver_keyword : key< TAO_PEGTL_STRING( "waiver" ) > {};
struct waiver_name : identifier {};
struct waiver_label : string_literal {};
struct waiver_open : pegtl::one< '{' > {};
struct deal_keyword : key< TAO_PEGTL_STRING( "deal" ) > {};
struct waiver_deal_id : string_literal {};
struct waiver_next_deal_id : pegtl::seq< waiver_deal_id > {};
struct waiver_deal : pegtl::seq< deal_keyword, sep, pegtl::must< waiver_deal_id >,
                                 pegtl::star< sep, pegtl::one< ',' >, sep, pegtl::must< waiver_next_deal_id > > > {};
struct when_keyword : key< TAO_PEGTL_STRING( "when" ) > {};
struct waiver_condition : pegtl::seq< expression > {};
struct waiver_when : pegtl::seq< when_keyword, sep, pegtl::must< waiver_condition > > {};
struct waives_keyword : key< TAO_PEGTL_STRING( "waives" ) > {};
struct waiver_target_block : identifier {};
struct waiver_target_condition : pegtl::sor< identifier, positive_integer > {};
struct waiver_target : pegtl::seq< waiver_target_block, pegtl::opt< pegtl::one< '.' >, pegtl::must< waiver_target_condition > > > {};
struct waiver_waives : pegtl::seq< waives_keyword, sep, pegtl::must< waiver_target >,
                                   pegtl::star< sep, pegtl::one< ',' >, sep, pegtl::must< waiver_target > > > {};
struct approved_keyword : key< TAO_PEGTL_STRING( "approved" ) > {};
struct approved_by : key< TAO_PEGTL_STRING( "by" ) > {};
struct waiver_approver : string_literal {};
struct waiver_approved : pegtl::seq< approved_keyword, sep, pegtl::must< approved_by >, sep, pegtl::must< waiver_approver > > {};
struct reason_keyword : key< TAO_PEGTL_STRING( "reason" ) > {};
struct waiver_reason_text : string_literal {};
struct waiver_reason : pegtl::seq< reason_keyword, sep, pegtl::must< waiver_reason_text > > {};
struct until_keyword : key< TAO_PEGTL_STRING( "until" ) > {};
struct waiver_until_date : date_literal {};
struct waiver_until : pegtl::seq< until_keyword, sep, pegtl::must< waiver_until_date > > {};
struct waiver_clause : pegtl::sor< waiver_deal, waiver_when, waiver_waives, waiver_approved, waiver_reason,
                                   waiver_until > {};
struct waiver_close : pegtl::one< '}' > {};
struct waiver_body : pegtl::seq< sep, pegtl::star< waiver_clause, sep >, pegtl::must< waiver_close > > {};
struct waiver_decl : pegtl::seq< waiver_keyword, sep, pegtl::must< waiver_name >, sep, pegtl::opt< waiver_label, sep >,
                                 pegtl::must< waiver_open >, waiver_body > {};

// ---- Tests --------------------------------------------------------------------------------------

struct test_keyword : key_test {};
struct test_name : string_literal {};
struct test_open : pegtl::one< '{' > {};
struct given_keyword : key_given {};
struct given_record_open : pegtl::one< '{' > {};
struct given_record : pegtl::seq< given_record_open, record_body > {};
struct given_clause : pegtl::seq< given_keyword, sep, pegtl::must< given_record > > {};
struct today_date : date_literal {};
struct today_clause : pegtl::seq< key_today, sep, pegtl::must< today_date > > {};
struct override_keyword : key_param {};
struct override_name : identifier {};
struct override_equals : pegtl::one< '=' > {};
struct override_value : pegtl::seq< expression > {};
struct param_override : pegtl::seq< override_keyword, sep, pegtl::must< override_name >, sep,
                                    pegtl::must< override_equals >, sep, pegtl::must< override_value > > {};
struct expect_keyword : key_expect {};
struct expect_gate : identifier {};
struct expect_status : identifier {};
struct ref_block : identifier {};
struct ref_condition : pegtl::sor< identifier, positive_integer > {};
struct reference : pegtl::seq< ref_block, pegtl::opt< pegtl::one< '.' >, pegtl::must< ref_condition > > > {};
struct because_clause : pegtl::seq< sep, key_because, sep, pegtl::must< reference >,
                                    pegtl::star< sep, pegtl::one< ',' >, sep, pegtl::must< reference > > > {};
struct waived_keyword : key< TAO_PEGTL_STRING( "waived" ) > {};
struct waived_ref_block : identifier {};
struct waived_ref_condition : pegtl::sor< identifier, positive_integer > {};
struct waived_reference : pegtl::seq< waived_ref_block, pegtl::opt< pegtl::one< '.' >, pegtl::must< waived_ref_condition > > > {};
struct waived_clause : pegtl::seq< sep, waived_keyword, sep, pegtl::must< waived_reference >,
                                   pegtl::star< sep, pegtl::one< ',' >, sep, pegtl::must< waived_reference > > > {};
struct expectation : pegtl::seq< expect_keyword, sep, pegtl::must< expect_gate >, sep,
                                 pegtl::must< expect_status >, pegtl::opt< because_clause >,
                                 pegtl::opt< waived_clause > > {};
struct first_expectation : expectation {};
struct test_close : pegtl::one< '}' > {};
struct test_decl : pegtl::seq< test_keyword, sep, pegtl::must< test_name >, sep, pegtl::must< test_open >, sep,
                               pegtl::must< given_clause >, sep, pegtl::opt< today_clause, sep >,
                               pegtl::star< param_override, sep >, pegtl::must< first_expectation >, sep,
                               pegtl::star< expectation, sep >, pegtl::must< test_close > > {};

// ---- The file -----------------------------------------------------------------------------------

struct declaration : pegtl::sor< ruleset_decl, phases_decl, facts_decl, const_decl, param_decl,
                                 milestone_decl, gate_decl, test_decl, stages_decl, waiver_decl, show_decl > {};
struct end_of_file : pegtl::eof {};
struct rule_file : pegtl::seq< pegtl::opt< pegtl::utf8::bom >, sep, pegtl::star< declaration, sep >,
                               pegtl::must< end_of_file > > {};

// clang-format on

}  // namespace dealgate::grammar
