/* dealgate — the C API, for C programs and for other languages through their C FFI (Python's
 * ctypes, Go's cgo, Rust, Java's FFM). Opaque handles; JSON in and out; no C++ types.
 *
 *   char* err = NULL;
 *   const char* paths[] = {"rules/"};
 *   dg_ruleset* rules = dg_compile_files(paths, 1, &err);
 *   if (!rules) { fprintf(stderr, "%s\n", err); dg_free_string(err); return 2; }
 *   dg_free_string(err);                       (warnings, or NULL)
 *   char* out = NULL;
 *   int code = dg_evaluate(rules, json, strlen(json), NULL, &out);
 *   fputs(out, stdout);                        (the SPEC §7 record and a line break)
 *   dg_free_string(out);
 *   dg_ruleset_free(rules);
 *
 * Conventions for every call:
 *   - Strings handed out (`char**` parameters) are NUL-terminated UTF-8, allocated by the library:
 *     free each with dg_free_string(), never with free(). An output pointer is always written
 *     (NULL when there is nothing to say); output parameters may themselves be NULL to ignore them.
 *   - Nothing aborts or throws for bad input: a NULL argument, rules that do not compile, malformed
 *     JSON, bad options all come back as a return value with a message.
 *   - Return codes of the evaluate calls are the exit codes of `dealgate eval`: DG_OK (every gate
 *     passed), DG_NOT_PASSED (some gate failed or is unknown), DG_USAGE (bad options or
 *     arguments: nothing evaluated), DG_INPUT (some record could not be read: it has an error
 *     record, the others were evaluated), DG_INTERNAL (out of memory).
 *   - A dg_ruleset is immutable: any number of threads may evaluate with one at the same time.
 *     Each evaluate call sets up its own scratch space (microseconds; for many small calls prefer
 *     dg_evaluate_lines over a buffer of records).
 */
#ifndef DEALGATE_DEALGATE_H
#define DEALGATE_DEALGATE_H

#include <stddef.h>

#include "dealgate/version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define DG_API __attribute__((visibility("default")))
#else
#define DG_API
#endif

typedef struct dg_ruleset dg_ruleset;

enum dg_code {
  DG_OK = 0,
  DG_NOT_PASSED = 1,
  DG_USAGE = 2,
  DG_INPUT = 3,
  DG_INTERNAL = 4
};

/* How to evaluate. Zero-initialise (`dg_options o = {0};`) for the defaults; pass NULL for all
 * defaults. The library copies what it needs: the strings need to live only during the call. */
typedef struct dg_options {
  const char* today;          /* "YYYY-MM-DD"; NULL or "": today's date in UTC */
  const char* const* params;  /* n_params texts "name=value", as `--param` takes them */
  size_t n_params;
  const char* const* gates;   /* n_gates gate names to report; none: every gate */
  size_t n_gates;
  const char* id_field;       /* NULL or "": "id" */
} dg_options;

/* The library's version, "MAJOR.MINOR.PATCH". A static string: do not free it. */
DG_API const char* dg_version(void);

/* Compiles `.gate` files, or folders searched recursively for them, as one rule set. Returns NULL
 * when the rules do not compile (or a path cannot be read, or `paths` is NULL with n > 0). When
 * there is anything to report, *error_json receives a JSON object
 *   {"errors":N,"warnings":N,"diagnostics":[{"severity","code","message","file","line","column",
 *    "help"},...],"text":"compiler-style text, as `dealgate check` prints it"}
 * (warnings alone come with a non-NULL rule set; a bad argument, such as a NULL path, gives
 * {"error":"..."}); otherwise *error_json is set to NULL. `line` and `column` are 1-based, 0 for
 * a problem without a place in a file. Costs milliseconds; compile once and share the rule set. */
DG_API dg_ruleset* dg_compile_files(const char* const* paths, size_t n, char** error_json);

/* Compiles rule text held in memory (`len` bytes, need not be NUL-terminated); `name` stands for
 * the file name in diagnostics (NULL: "<source>"). Reports as dg_compile_files does. */
DG_API dg_ruleset* dg_compile_source(const char* name, const char* text, size_t len,
                                     char** error_json);

/* Several texts compiled together as one rule set, in the order given. `names` may be NULL. */
DG_API dg_ruleset* dg_compile_sources(const char* const* names, const char* const* texts,
                                      const size_t* lens, size_t n, char** error_json);

/* What the rule set declares, as JSON: {"title","phases":[...],"gates":[{"name","label","enters",
 * "requires":[...],"conditions":[...]}],"milestones":[...],"params":[{"name","type","default"}],
 * "facts":[{"path","type"}],"files":[...]}. NULL only for a NULL rule set (or out of memory). */
DG_API char* dg_ruleset_info(const dg_ruleset* rules);

/* Evaluates one deal, a JSON object of `len` bytes (need not be NUL-terminated). *out_jsonl
 * receives the SPEC §7 record and a line break; for malformed JSON, the error record
 * {"line":1,"error":"..."} (code DG_INPUT); for bad options or arguments (code DG_USAGE),
 * {"error":"..."} with what to mend. */
DG_API int dg_evaluate(const dg_ruleset* rules, const char* json, size_t len,
                       const dg_options* options, char** out_jsonl);

/* Evaluates a buffer of deals read as `dealgate eval --facts` reads a file (JSON Lines, a JSON
 * array of objects, or one object). *out_jsonl receives one record a line, in input order, one
 * per input record (an empty string for an empty buffer). The code is the worst over the records:
 * DG_INPUT if any could not be read, else DG_NOT_PASSED if any gate did not pass, else DG_OK. */
DG_API int dg_evaluate_lines(const dg_ruleset* rules, const char* jsonl, size_t len,
                             const dg_options* options, char** out_jsonl);

/* Frees a string the library handed out. NULL is fine. */
DG_API void dg_free_string(char* s);

/* Frees a rule set. NULL is fine. Evaluate calls still running on it must have returned. */
DG_API void dg_ruleset_free(dg_ruleset* rules);

#ifdef __cplusplus
}
#endif

#endif /* DEALGATE_DEALGATE_H */
