// dealgate-gen-deals N SEED: writes N deal records as JSON Lines to standard output, for the
// benchmark. Deterministic: the same N and SEED give the same bytes on every machine (its own
// random generator, no std:: distributions). Deals follow the SPEC §2 schema plus a few undeclared
// CRM fields (owner, account, notes, ...), 400–700 bytes each. About 60% pass `enter_delivery` of
// examples/enterprise.gate (with --today 2026-11-26); the others fail one to three checks, and some
// lack fields, so their gate is unknown.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

// splitmix64: small, fast, and the same everywhere.
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }
  bool chance(std::uint32_t percent) { return below(100) < percent; }
};

const char* const kStages[] = {"Discover", "Diagnose", "Design", "Deliver"};
const char* const kRoles[] = {"economic_buyer", "sponsor",     "champion", "technical_buyer",
                              "user",           "procurement", "legal"};
const char* const kParameters[] = {"uptime",     "cost",          "latency",     "security",
                                   "compliance", "time_to_value", "integration", "support"};
const char* const kFirst[] = {"Ada",     "Grace", "Alan",     "Edsger",  "Barbara", "Donald",
                              "Frances", "Ken",   "Margaret", "Niklaus", "Radia",   "Tony"};
const char* const kLast[] = {"Lovelace", "Hopper",   "Turing",   "Dijkstra", "Liskov",  "Knuth",
                             "Allen",    "Thompson", "Hamilton", "Wirth",    "Perlman", "Hoare"};
const char* const kCompanies[] = {"Acme",  "Globex", "Initech",   "Umbrella", "Hooli", "Stark",
                                  "Wayne", "Tyrell", "Cyberdyne", "Soylent",  "Wonka", "Oscorp"};
const char* const kSuffixes[] = {"Corp", "GmbH", "Ltd", "SA", "Inc", "AG", "BV"};
const char* const kRegions[] = {"EMEA", "AMER", "APAC", "LATAM"};
const char* const kWords[] = {"renewal",  "pilot", "expansion", "migration", "budget",
                              "Q3",       "board", "review",    "pending",   "legal",
                              "security", "call",  "follow-up", "demo",      "workshop",
                              "pricing",  "scope", "timeline"};

template <std::size_t N>
const char* pick(Random& r, const char* const (&options)[N]) {
  return options[r.below(N)];
}

// Days since 1970-01-01 to YYYY-MM-DD (Howard Hinnant's civil_from_days).
std::string date_text(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
  return buf;
}

constexpr long kToday = 20783;  // 2026-11-26

// The ways a deal falls short; a failing deal gets one to three of them.
enum Defect {
  kCausesNotConfirmed,
  kWrongConfirmer,
  kConsequences,
  kParametersNotAgreed,
  kFewParameters,
  kValueNotConfirmed,
  kLowRoi,
  kCustomerDoubtsFit,
  kSellerDoubtsFit,
  kAcidTest,
  kBuyerNotEngaged,
  kMissingValue,
  kMissingDiagnosis,
  kMissingStakeholders,
  kNullPrice,
  kDefectCount
};

void append(std::string& out, const char* text) {
  out += text;
}
void append_bool(std::string& out, const char* key, bool value) {
  out += '"';
  out += key;
  out += value ? "\":true" : "\":false";
}

void deal(Random& r, std::uint64_t index, std::string& out) {
  bool defect[kDefectCount] = {};
  if (!r.chance(60)) {
    const std::uint32_t n = 1 + r.below(3);
    for (std::uint32_t i = 0; i < n; ++i) defect[r.below(kDefectCount)] = true;
  }
  char buf[128];
  std::snprintf(buf, sizeof buf, "{\"id\":\"D%07llu\",\"stage\":\"%s\",\"owner\":\"%s\",",
                static_cast<unsigned long long>(index), pick(r, kStages), pick(r, kFirst));
  out += buf;
  std::snprintf(buf, sizeof buf, "\"account\":\"%s %s %u\",\"region\":\"%s\",", pick(r, kCompanies),
                pick(r, kSuffixes), r.below(1000), pick(r, kRegions));
  out += buf;

  if (!defect[kMissingDiagnosis]) {
    append(out, "\"diagnosis\":{");
    append_bool(out, "causes_confirmed", !defect[kCausesNotConfirmed]);
    out += ',';
    append_bool(out, "consequences_confirmed", !defect[kConsequences]);
    out += ",\"confirmed_by\":\"";
    out += defect[kWrongConfirmer] ? "champion" : r.chance(50) ? "economic_buyer" : "sponsor";
    out += "\"},";
  }

  append(out, "\"solution\":{");
  append_bool(out, "parameters_agreed", !defect[kParametersNotAgreed]);
  out += ",\"parameters\":[";
  const std::uint32_t parameters = defect[kFewParameters] ? r.below(2) : 2 + r.below(2);
  for (std::uint32_t i = 0; i < parameters; ++i) {
    if (i) out += ',';
    out += '"';
    out += kParameters[(i * 3 + index) % 8];
    out += '"';
  }
  out += "]},";

  if (!defect[kMissingValue]) {
    const std::uint32_t price = 20000 + r.below(400) * 1000;
    const std::uint32_t roi = defect[kLowRoi] ? 1 + r.below(2) : 3 + r.below(6);
    const std::uint32_t benefit = price * roi + r.below(1000) * 10;
    append(out, "\"value\":{");
    append_bool(out, "confirmed", !defect[kValueNotConfirmed]);
    std::snprintf(buf, sizeof buf, ",\"annual_benefit\":%u,", benefit);
    out += buf;
    if (defect[kNullPrice]) {
      out += "\"price\":null";
    } else if (r.chance(30)) {
      std::snprintf(buf, sizeof buf, "\"price\":%u.%02u", price, r.below(100));
      out += buf;
    } else {
      std::snprintf(buf, sizeof buf, "\"price\":%u", price);
      out += buf;
    }
    out += ",\"currency\":\"EUR\"},";
  }

  append(out, "\"fit\":{");
  append_bool(out, "customer_believes_fit", !defect[kCustomerDoubtsFit]);
  out += ',';
  append_bool(out, "seller_believes_fit", !defect[kSellerDoubtsFit]);
  out += "},\"acid_test\":{";
  append_bool(out, "would_buy_ourselves", !defect[kAcidTest]);
  out += "},";

  if (!defect[kMissingStakeholders]) {
    out += "\"stakeholders\":[";
    const std::uint32_t people = 1 + r.below(3);
    const std::uint32_t buyer_at = r.below(people);
    for (std::uint32_t i = 0; i < people; ++i) {
      if (i) out += ',';
      const bool buyer = i == buyer_at;
      std::snprintf(buf, sizeof buf, "{\"role\":\"%s\",\"engaged\":%s}",
                    buyer ? "economic_buyer" : kRoles[1 + r.below(6)],
                    buyer ? (defect[kBuyerNotEngaged] ? "false" : "true")
                          : (r.chance(70) ? "true" : "false"));
      out += buf;
    }
    out += "],";
  }

  const long contact = kToday - static_cast<long>(r.below(60));
  out += "\"last_customer_contact\":\"";
  out += date_text(contact);
  out += "\",\"notes\":\"";
  const std::uint32_t words = r.below(5);
  for (std::uint32_t i = 0; i < words; ++i) {
    if (i) out += ' ';
    out += pick(r, kWords);
  }
  std::snprintf(buf, sizeof buf, "\",\"probability\":%u}\n", r.below(101));
  out += buf;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: dealgate-gen-deals N SEED > deals.jsonl\n");
    return 2;
  }
  char* end = nullptr;
  const unsigned long long n = std::strtoull(argv[1], &end, 10);
  if (*end != '\0') {
    std::fprintf(stderr, "dealgate-gen-deals: N must be a whole number\n");
    return 2;
  }
  const unsigned long long seed = std::strtoull(argv[2], &end, 10);
  if (*end != '\0') {
    std::fprintf(stderr, "dealgate-gen-deals: SEED must be a whole number\n");
    return 2;
  }
  Random r{seed};
  std::string out;
  out.reserve(std::size_t{1} << 20);
  for (unsigned long long i = 1; i <= n; ++i) {
    deal(r, i, out);
    if (out.size() > (std::size_t{1} << 20) - 1024) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
