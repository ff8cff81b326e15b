/* The C API from C11: every call, and every error path, with exact outputs where they are
 * stable. Run by ctest as `c_api_test SOURCE_DIR`; also built and run under the sanitizers. Exits
 * 0 when every check held, else 1 after reporting each failed check. */
#include <dealgate/dealgate.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
static char source_dir[4096];

#define CHECK(cond)                                                         \
  do {                                                                      \
    if (!(cond)) {                                                          \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                           \
    }                                                                       \
  } while (0)

static int contains(const char* text, const char* part) {
  return text != NULL && strstr(text, part) != NULL;
}

/* dg_evaluate of the spec's deal with `rules` and `options` in scope: it returns `code` and its
 * output contains `part`. A macro, so that a failed check names the caller's line. */
#define CHECK_SPEC_DEAL(code, part)                                                          \
  do {                                                                                       \
    char* out_ = NULL;                                                                       \
    CHECK(dg_evaluate(rules, spec_deal, strlen(spec_deal), &options, &out_) == (code));     \
    CHECK(contains(out_, part));                                                             \
    dg_free_string(out_);                                                                    \
  } while (0)

static char* path_of(const char* relative) {
  size_t n = strlen(source_dir) + strlen(relative) + 2;
  char* p = malloc(n);
  snprintf(p, n, "%s/%s", source_dir, relative);
  return p;
}

static char* read_file(const char* path, size_t* len) {
  FILE* f = fopen(path, "rb");
  char* text;
  long size;
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  text = malloc((size_t)size + 1);
  *len = fread(text, 1, (size_t)size, f);
  text[*len] = '\0';
  fclose(f);
  return text;
}

static const char* spec_deal =
    "{\"id\":\"T1\",\"stage\":\"Design\","
    "\"diagnosis\":{\"causes_confirmed\":true,\"consequences_confirmed\":true,"
    "\"confirmed_by\":\"sponsor\"},"
    "\"solution\":{\"parameters_agreed\":true,\"parameters\":[\"uptime\",\"cost\"]},"
    "\"value\":{\"confirmed\":true,\"annual_benefit\":900000,\"price\":100000},"
    "\"fit\":{\"customer_believes_fit\":true,\"seller_believes_fit\":true},"
    "\"acid_test\":{\"would_buy_ourselves\":false},"
    "\"stakeholders\":[{\"role\":\"economic_buyer\",\"engaged\":true}],"
    "\"last_customer_contact\":\"2026-11-20\"}";

static const char* spec_record =
    "{\"id\":\"T1\",\"line\":1,\"gates\":{\"enter_delivery\":{\"status\":\"fail\","
    "\"failed\":[\"acid_test.1\"],\"unknown\":[],\"missing\":[],\"invalid\":[],"
    "\"milestones\":{\"causes_confirmed\":\"pass\",\"consequences_confirmed\":\"pass\","
    "\"solution_defined\":\"pass\",\"value_confirmed\":\"pass\",\"mutual_fit\":\"pass\","
    "\"acid_test\":\"fail\"},\"warnings\":[],\"messages\":[]}}}\n";

static void test_version(void) {
  CHECK(strcmp(dg_version(), DEALGATE_VERSION_STRING) == 0);
}

static dg_ruleset* compile_spec(void) {
  char* path = path_of("examples/enterprise.gate");
  const char* paths[1];
  char* error = (char*)"untouched";
  dg_ruleset* rules;
  paths[0] = path;
  rules = dg_compile_files(paths, 1, &error);
  CHECK(rules != NULL);
  /* A warning (the example declares `stage` and never reads it) comes with the rule set. */
  CHECK(contains(error, "{\"errors\":0,\"warnings\":1,"));
  CHECK(contains(error, "\"code\":\"unused-fact\""));
  dg_free_string(error);
  free(path);
  return rules;
}

static void test_compile_errors(void) {
  char* error = (char*)"untouched";
  const char* missing[1] = {"/no/such/rules"};
  const char* null_path[1] = {NULL};
  const char* broken = "milestone m {\n  require\n}\n";
  const char* names[2] = {"facts.gate", "gates.gate"};
  const char* texts[2] = {"facts { n: number }\n", "gate big { require n > 10 }\n"};
  size_t lens[2];
  dg_ruleset* rules;

  CHECK(dg_compile_files(missing, 1, &error) == NULL);
  CHECK(contains(error, "\"code\":\"unreadable-rules\""));
  CHECK(contains(error, "no such file or folder"));
  CHECK(contains(error, "\"errors\":1"));
  dg_free_string(error);

  CHECK(dg_compile_files(NULL, 1, &error) == NULL);
  CHECK(contains(error, "\"error\":\"`paths` is NULL"));
  dg_free_string(error);

  CHECK(dg_compile_files(null_path, 1, &error) == NULL);
  CHECK(contains(error, "path 1 is NULL"));
  dg_free_string(error);

  CHECK(dg_compile_files(NULL, 0, &error) == NULL); /* no rules at all */
  CHECK(contains(error, "\"code\":\"no-rules\""));
  dg_free_string(error);

  CHECK(dg_compile_source("broken.gate", broken, strlen(broken), &error) == NULL);
  CHECK(contains(error, "\"file\":\"broken.gate\""));
  CHECK(contains(error, "\"line\":3,\"column\":1"));
  CHECK(contains(error, "expected a condition after `require`"));
  CHECK(contains(error, "\"text\":\"broken.gate:"));
  dg_free_string(error);

  /* Without a name, and with the error ignored: still no crash, no leak. */
  CHECK(dg_compile_source(NULL, broken, strlen(broken), NULL) == NULL);
  CHECK(dg_compile_source(NULL, NULL, 5, &error) == NULL);
  CHECK(contains(error, "text 1 is NULL"));
  dg_free_string(error);

  /* Not NUL-terminated: only `len` bytes count. Warnings only: a rule set, and the report. */
  rules = dg_compile_source("cut.gate", "facts { n: number }\nGARBAGE", 20, &error);
  CHECK(rules != NULL);
  CHECK(contains(error, "\"file\":\"cut.gate\",\"line\":1,\"column\":9"));
  CHECK(contains(error, "\"severity\":\"warning\""));
  dg_free_string(error);
  dg_ruleset_free(rules);

  lens[0] = strlen(texts[0]);
  lens[1] = strlen(texts[1]);
  rules = dg_compile_sources(names, texts, lens, 2, &error);
  CHECK(rules != NULL);
  CHECK(error == NULL);
  dg_ruleset_free(rules);
  CHECK(dg_compile_sources(names, NULL, lens, 2, &error) == NULL);
  CHECK(contains(error, "`texts` or `lens` is NULL"));
  dg_free_string(error);
  /* Names may be NULL: "<source 1>", ... stand for them. */
  CHECK(dg_compile_sources(NULL, texts + 1, lens + 1, 1, &error) == NULL); /* `n` undeclared */
  CHECK(contains(error, "<source>"));
  dg_free_string(error);
}

static void test_info(dg_ruleset* rules) {
  char* info = dg_ruleset_info(rules);
  CHECK(contains(info, "\"title\":\"Enterprise sale\""));
  CHECK(contains(info, "\"phases\":[\"Discover\",\"Diagnose\",\"Design\",\"Deliver\"]"));
  CHECK(contains(info, "{\"name\":\"enter_delivery\",\"label\":\"Ready to enter the Delivery "
                       "phase\",\"enters\":\"Deliver\""));
  CHECK(contains(info, "{\"name\":\"min_roi\",\"type\":\"number\",\"default\":\"3\"}"));
  CHECK(contains(info, "{\"path\":\"value.price\",\"type\":\"number\"}"));
  dg_free_string(info);
  CHECK(dg_ruleset_info(NULL) == NULL);
}

static void test_evaluate(dg_ruleset* rules) {
  dg_options options;
  char* out = (char*)"untouched";
  const char* params[1] = {"min_roi=10"};
  const char* bad_params[1] = {"min_roi"};
  const char* gates[1] = {"enter_delivey"};
  const char* null_gate[1] = {NULL};
  memset(&options, 0, sizeof options);
  options.today = "2026-11-26";

  CHECK(dg_evaluate(rules, spec_deal, strlen(spec_deal), &options, &out) == DG_NOT_PASSED);
  CHECK(out != NULL && strcmp(out, spec_record) == 0);
  dg_free_string(out);

  options.params = params;
  options.n_params = 1;
  CHECK(dg_evaluate(rules, spec_deal, strlen(spec_deal), &options, &out) == DG_NOT_PASSED);
  CHECK(contains(out, "\"failed\":[\"value_confirmed.roi\",\"acid_test.1\"]"));
  CHECK(contains(out, "\"messages\":[\"benefit 900000 is below 10x the price 100000\"]"));
  dg_free_string(out);
  options.n_params = 0;

  /* Malformed JSON: the error record, code DG_INPUT. */
  CHECK(dg_evaluate(rules, "{\"id\":", 6, &options, &out) == DG_INPUT);
  CHECK(contains(out, "{\"line\":1,\"error\":\""));
  dg_free_string(out);

  /* Errors of the caller: each is DG_USAGE with {"error": ...}. */
  CHECK(dg_evaluate(NULL, spec_deal, strlen(spec_deal), &options, &out) == DG_USAGE);
  CHECK(contains(out, "{\"error\":\"the rule set is NULL\"}"));
  dg_free_string(out);
  CHECK(dg_evaluate(rules, NULL, 3, &options, &out) == DG_USAGE);
  CHECK(contains(out, "the input is NULL"));
  dg_free_string(out);

  options.today = "2026-13-01";
  CHECK_SPEC_DEAL(DG_USAGE, "YYYY-MM-DD");
  options.today = NULL; /* today's date in UTC */

  options.gates = gates;
  options.n_gates = 1;
  CHECK_SPEC_DEAL(DG_USAGE, "did you mean `enter_delivery`");
  options.gates = null_gate;
  CHECK_SPEC_DEAL(DG_USAGE, "gate 1 is NULL");
  options.gates = NULL;
  CHECK_SPEC_DEAL(DG_USAGE, "`gates` is NULL");
  options.n_gates = 0;

  options.params = bad_params;
  options.n_params = 1;
  CHECK_SPEC_DEAL(DG_USAGE, "must be written `name=value`");
  params[0] = "min_roi=three";
  options.params = params;
  CHECK_SPEC_DEAL(DG_USAGE, "is a number");
  options.params = NULL;
  CHECK_SPEC_DEAL(DG_USAGE, "`params` is NULL");
  options.n_params = 0;

  /* id_field, and NULL options (every default), and an ignored output. */
  options.id_field = "stage";
  CHECK_SPEC_DEAL(DG_NOT_PASSED, "{\"id\":\"Design\",\"line\":1,");
  CHECK(dg_evaluate(rules, spec_deal, strlen(spec_deal), NULL, &out) == DG_NOT_PASSED);
  dg_free_string(out);
  CHECK(dg_evaluate(rules, spec_deal, strlen(spec_deal), NULL, NULL) == DG_NOT_PASSED);
}

static void test_evaluate_lines(dg_ruleset* rules) {
  dg_options options;
  char* out = (char*)"untouched";
  char buffer[8192];
  size_t lines = 0;
  const char* p;
  memset(&options, 0, sizeof options);
  options.today = "2026-11-26";

  snprintf(buffer, sizeof buffer, "%s\n\nnot json\n{\"id\":\"D3\"}\n", spec_deal);
  CHECK(dg_evaluate_lines(rules, buffer, strlen(buffer), &options, &out) == DG_INPUT);
  CHECK(out != NULL && strncmp(out, spec_record, strlen(spec_record)) == 0);
  CHECK(contains(out, "\n{\"line\":3,\"error\":\""));
  CHECK(contains(out, "\n{\"id\":\"D3\",\"line\":4,"));
  for (p = out; p && *p; ++p) lines += *p == '\n';
  CHECK(lines == 3); /* one output line per input record */
  dg_free_string(out);

  CHECK(dg_evaluate_lines(rules, spec_deal, strlen(spec_deal), &options, &out) == DG_NOT_PASSED);
  CHECK(out != NULL && strcmp(out, spec_record) == 0);
  dg_free_string(out);

  CHECK(dg_evaluate_lines(rules, "", 0, &options, &out) == DG_OK);
  CHECK(out != NULL && strcmp(out, "") == 0);
  dg_free_string(out);
  CHECK(dg_evaluate_lines(rules, NULL, 0, &options, &out) == DG_OK);
  dg_free_string(out);

  CHECK(dg_evaluate_lines(NULL, "{}", 2, &options, &out) == DG_USAGE);
  CHECK(contains(out, "the rule set is NULL"));
  dg_free_string(out);
  options.today = "soon";
  CHECK(dg_evaluate_lines(rules, "{}", 2, &options, &out) == DG_USAGE);
  CHECK(contains(out, "not `soon`"));
  dg_free_string(out);
}

/* The shipped rules over the example deals: every record passes through, in order. */
static void test_shipped_rules(void) {
  char* rules_dir = path_of("rules");
  char* deals_path = path_of("examples/deals.jsonl");
  const char* paths[1];
  char* error = NULL;
  char* out = NULL;
  size_t len = 0, in_lines = 0, out_lines = 0, i;
  char* deals = read_file(deals_path, &len);
  dg_options options;
  dg_ruleset* rules;
  int code;
  memset(&options, 0, sizeof options);
  options.today = "2026-11-26";
  paths[0] = rules_dir;
  rules = dg_compile_files(paths, 1, &error);
  CHECK(rules != NULL);
  dg_free_string(error);
  CHECK(deals != NULL);
  if (rules && deals) {
    code = dg_evaluate_lines(rules, deals, len, &options, &out);
    CHECK(code == DG_NOT_PASSED || code == DG_INPUT);
    for (i = 0; i < len; ++i) in_lines += deals[i] == '\n';
    for (i = 0; out && out[i]; ++i) out_lines += out[i] == '\n';
    CHECK(in_lines > 0 && in_lines == out_lines);
    dg_free_string(out);
  }
  dg_ruleset_free(rules);
  free(deals);
  free(rules_dir);
  free(deals_path);
}

int main(int argc, char** argv) {
  dg_ruleset* rules;
  if (argc != 2) {
    fprintf(stderr, "usage: c_api_test SOURCE_DIR\n");
    return 2;
  }
  snprintf(source_dir, sizeof source_dir, "%s", argv[1]);
  test_version();
  test_compile_errors();
  rules = compile_spec();
  if (rules) {
    test_info(rules);
    test_evaluate(rules);
    test_evaluate_lines(rules);
  }
  dg_ruleset_free(rules);
  dg_ruleset_free(NULL);
  dg_free_string(NULL);
  test_shipped_rules();
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("c_api_test: all checks passed\n");
  return 0;
}
