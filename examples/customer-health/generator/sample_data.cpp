// How the customer-health sample data is made up.
//
// A small simulated SaaS business: about 640 accounts already customers on 2023-01-01 and
// about 15 new ones a month after that, in four regions (North America, EMEA, LATAM, APAC)
// with their countries, account managers and tiers (Enterprise, Growth, Starter). Each
// account has a hidden sentiment that raises its scores, lowers its tickets and makes it
// less likely to churn. Month by month an account may expand or shrink its seats (MRR)
// and, within 2023-2024, churn (monthly plans any month, annual plans at renewal).
// While active it answers surveys and opens tickets. NPS per region and tier follows a
// trend (LATAM falling, APAC and EMEA rising), a yearly season (holiday dip) and two
// incidents (an APAC migration in 2023-11, an EMEA outage in 2024-06) that also bring
// ticket spikes and churn. First-response times are log-normal by channel and tier,
// slower off hours and improving over the two years, with a few huge outliers; tickets
// near the end may be unanswered or unresolved. Three "survey storms" (one account
// sending dozens of 0-2 scores in a month) are the survey outliers. Comments come in
// the account's language (English, Spanish, Portuguese, French, German) and some need
// CSV quoting (commas, quotes, newlines).
//
// Every random draw comes from a stream keyed by (purpose, account, month), so the data
// is the same on every run and on every platform (see random.hpp).
#include "sample_data.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string_view>

#include "calendar.hpp"
#include "random.hpp"

namespace folio_example {
namespace {

// ---------------------------------------------------------------- vocabulary

enum language : int { english, spanish, portuguese, french, german };

struct country_info {
    const char* name;
    double weight;
    language lang;
    double native_share;  // responses written in `lang` rather than English
    const char* style;    // how company names are formed: en, es, pt, de, fr, nl, sv, ja
    const char* suffix[3];
};

struct region_info {
    const char* name;
    double weight;
    std::array<double, 3> tier_mix;  // Enterprise, Growth, Starter
    std::vector<country_info> countries;
    std::vector<const char*> managers;
    double nps_base;   // at the middle of the window
    double nps_drift;  // change from the first month to the last
    double frt_factor;
};

const std::vector<region_info>& regions() {
    static const std::vector<region_info> table{
        {"North America", 0.35, {0.18, 0.37, 0.45},
         {{"United States", 72, english, 1.0, "en", {"Inc.", ", LLC", "Corp."}},
          {"Canada", 28, english, 1.0, "en", {"Inc.", "Ltd.", "Corp."}}},
         {"Emily Carter", "Marcus Johnson", "Priya Raman", "Daniel O'Brien"},
         37, 8, 1.0},
        {"EMEA", 0.30, {0.17, 0.36, 0.47},
         {{"United Kingdom", 30, english, 1.0, "en", {"Ltd", "plc", "Ltd"}},
          {"Germany", 22, german, 0.5, "de", {"GmbH", "AG", "GmbH & Co. KG"}},
          {"France", 18, french, 0.6, "fr", {"SAS", "SARL", "SA"}},
          {"Netherlands", 10, english, 1.0, "nl", {"B.V.", "B.V.", "N.V."}},
          {"Spain", 8, spanish, 0.85, "es", {"S.L.", "S.A.", "S.L."}},
          {"Sweden", 6, english, 1.0, "sv", {"AB", "AB", "AB"}},
          {"South Africa", 6, english, 1.0, "en", {"(Pty) Ltd", "(Pty) Ltd", "Ltd"}}},
         {"Chloé Lefèvre", "Jürgen Weiß", "Sarah Mitchell"},
         30, 10, 1.1},
        {"LATAM", 0.20, {0.10, 0.32, 0.58},
         {{"Brazil", 35, portuguese, 0.85, "pt", {"Ltda.", "S.A.", "Ltda."}},
          {"Mexico", 30, spanish, 0.85, "es", {"S.A. de C.V.", "S. de R.L.", "S.A. de C.V."}},
          {"Argentina", 12, spanish, 0.85, "es", {"S.R.L.", "S.A.", "S.R.L."}},
          {"Colombia", 13, spanish, 0.85, "es", {"S.A.S.", "S.A.S.", "Ltda."}},
          {"Chile", 10, spanish, 0.85, "es", {"SpA", "Ltda.", "S.A."}}},
         {"María José Gutiérrez", "João Pereira", "Andrés Muñoz"},
         44, -14, 1.25},
        {"APAC", 0.15, {0.14, 0.34, 0.52},
         {{"Australia", 35, english, 1.0, "en", {"Pty Ltd", "Pty Ltd", "Ltd"}},
          {"Japan", 20, english, 1.0, "ja", {"K.K.", "Co., Ltd.", "K.K."}},
          {"India", 20, english, 1.0, "en", {"Pvt. Ltd.", "Pvt. Ltd.", "Ltd."}},
          {"Singapore", 15, english, 1.0, "en", {"Pte. Ltd.", "Pte. Ltd.", "Pte. Ltd."}},
          {"New Zealand", 10, english, 1.0, "en", {"Ltd", "Ltd", "Limited"}}},
         {"Hiroshi Tanaka", "Mei Lin Wong", "Arjun Mehta"},
         26, 12, 1.4},
    };
    return table;
}

constexpr std::array<const char*, 3> tier_names{"Enterprise", "Growth", "Starter"};
constexpr std::array<double, 3> tier_nps_offset{10, 2, -7};
constexpr std::array<std::int64_t, 3> seat_price_cents{4900, 2900, 1500};
constexpr std::array<std::int64_t, 3> seat_price_annual_cents{4165, 2465, 1275};
constexpr std::array<double, 3> annual_share{0.85, 0.60, 0.25};
constexpr std::array<double, 3> seats_median{120, 30, 6};
constexpr std::array<int, 3> seats_min{40, 10, 1};
constexpr std::array<int, 3> seats_max{600, 120, 30};
constexpr std::array<double, 3> churn_hazard{0.004, 0.010, 0.022};
constexpr std::array<double, 3> expansion_rate{0.035, 0.030, 0.020};
constexpr std::array<double, 3> surveys_per_month{2.3, 1.15, 0.68};
constexpr std::array<double, 3> tickets_per_month{0.8, 0.36, 0.18};

// By month of the year, January first.
constexpr std::array<double, 12> nps_season{-4, -1, 2, 4, 5, 3, 0, -2, 1, 3, -1, -6};
constexpr std::array<double, 12> survey_volume{1.1, 1.0, 1.05, 1.0, 1.0, 0.95, 0.9, 0.8, 1.05, 1.05, 1.0, 0.75};
constexpr std::array<double, 12> ticket_volume{1.2, 1.05, 1.0, 0.95, 0.95, 0.9, 0.85, 0.85, 1.0, 1.05, 1.0, 1.1};
constexpr std::array<double, 12> new_account_volume{1.2, 1.0, 1.1, 1.0, 1.0, 0.95, 0.9, 0.8, 1.1, 1.05, 1.0, 0.7};

const std::vector<std::string_view>& company_words(std::string_view style, int part) {
    static const std::vector<std::string_view> en_a{
        "Northwind", "Bluefin", "Summit", "Cedar", "Harbor", "Ironwood", "Lakeside", "Redwood",
        "Silverline", "Brightpath", "Keystone", "Granite", "Maple", "Pioneer", "Evergreen", "Atlas",
        "Beacon", "Crescent", "Falcon", "Horizon", "Juniper", "Meridian", "Orchard", "Prairie",
        "Quarry", "Riverbend", "Sterling", "Tidewater", "Vantage", "Willow", "Copperleaf", "Driftwood"};
    static const std::vector<std::string_view> en_b{
        "Analytics", "Logistics", "Health", "Foods", "Software", "Outfitters", "Energy", "Media",
        "Labs", "Supply", "Partners", "Robotics", "Insurance", "Travel", "Retail", "Dental",
        "Legal", "Studios", "Freight", "Clinics", "Education", "Fintech"};
    static const std::vector<std::string_view> es_a{
        "Grupo", "Comercializadora", "Logística", "Distribuidora", "Panadería", "Constructora",
        "Soluciones", "Servicios", "Farmacia", "Tecnología", "Importadora", "Clínica"};
    static const std::vector<std::string_view> es_b{
        "Núñez", "Peña", "Fernández", "Gutiérrez", "Ramírez", "Ibáñez", "Muñoz", "Sánchez",
        "Vázquez", "Domínguez", "Ordóñez", "Martínez", "Rodríguez", "López", "Álvarez", "Gómez",
        "del Río", "Castañeda", "Beltrán", "Jiménez"};
    static const std::vector<std::string_view> pt_a{
        "Comércio", "Distribuidora", "Soluções", "Logística", "Construtora", "Farmácia",
        "Tecnologia", "Padaria", "Indústria", "Transportes", "Clínica"};
    static const std::vector<std::string_view> pt_b{
        "Araújo", "Conceição", "Gonçalves", "Magalhães", "Simões", "Assunção", "Brandão", "Leão",
        "Falcão", "Romão", "Peixoto", "Guimarães", "São João", "Ribeirão", "Paraná", "Itajaí"};
    static const std::vector<std::string_view> de_a{
        "Müller", "Schröder", "Weiß", "Köhler", "Brückner", "Hoffmann", "Schäfer", "Großmann",
        "Bäumer", "Vogel", "Krüger", "Lößner"};
    static const std::vector<std::string_view> de_b{
        "& Söhne", "Logistik", "Maschinenbau", "Software", "Handel", "Bäckereien", "Medizintechnik",
        "Versand", "Energie"};
    static const std::vector<std::string_view> fr_a{
        "Atelier", "Maison", "Groupe", "Société", "Cabinet", "Librairie", "Transports", "Éditions"};
    static const std::vector<std::string_view> fr_b{
        "Lefèvre", "Gérard", "Bérenger", "Rivière", "Dubois", "Moreau", "Château", "Fontaine",
        "Lemaître", "Benoît", "Crémieux"};
    static const std::vector<std::string_view> nl_a{"Van der Berg", "De Vries", "Bakker", "Visser", "Smit", "Van Dijk", "Mulder"};
    static const std::vector<std::string_view> nl_b{"Logistiek", "Software", "Handel", "Techniek", "Zorg"};
    static const std::vector<std::string_view> sv_a{"Nordlys", "Åkesson", "Lindström", "Björk", "Öberg", "Fjällström"};
    static const std::vector<std::string_view> sv_b{"Teknik", "Data", "Handel", "Bygg", "Energi"};
    static const std::vector<std::string_view> ja_a{"Sakura", "Fujimoto", "Takahashi", "Yamato", "Kiyomizu", "Hokuto", "Asahi", "Midori"};
    static const std::vector<std::string_view> ja_b{"Trading", "Electronics", "Systems", "Foods", "Logistics", "Pharma"};
    if (style == "es") return part == 0 ? es_a : es_b;
    if (style == "pt") return part == 0 ? pt_a : pt_b;
    if (style == "de") return part == 0 ? de_a : de_b;
    if (style == "fr") return part == 0 ? fr_a : fr_b;
    if (style == "nl") return part == 0 ? nl_a : nl_b;
    if (style == "sv") return part == 0 ? sv_a : sv_b;
    if (style == "ja") return part == 0 ? ja_a : ja_b;
    return part == 0 ? en_a : en_b;
}

std::string_view pick(rng& r, const std::vector<std::string_view>& words) {
    return words[r.below(static_cast<std::uint32_t>(words.size()))];
}

std::string company_name(rng& r, const country_info& c) {
    const std::string_view style = c.style;
    const std::string suffix = c.suffix[r.below(3)];
    const std::string a(pick(r, company_words(style, 0)));
    const std::string b(pick(r, company_words(style, 1)));
    auto join_suffix = [&](std::string s) { return suffix[0] == ',' ? s + suffix : s + " " + suffix; };
    const double u = r.uniform();
    if (style == "es") {
        if (u < 0.08) return std::string(pick(r, company_words(style, 1))) + ", " + b + " y Asociados";
        if (u < 0.12) return "Casa \"" + std::string(r.chance(0.5) ? "La Esperanza" : "El Mirador") + "\" " + b;
        return join_suffix(a + " " + b);
    }
    if (style == "pt") {
        if (u < 0.08) return std::string(pick(r, company_words(style, 1))) + ", " + b + " & Cia.";
        return join_suffix(a + " " + b);
    }
    if (style == "de") return join_suffix(a + " " + b);
    if (style == "fr") return join_suffix(a + " " + b);
    if (style == "en" && u < 0.05) return a + " & " + std::string(pick(r, company_words(style, 0))) + " " + b;
    return join_suffix(a + " " + b);
}

// Survey comments by language and class (0 promoter, 1 passive, 2 detractor).
const std::vector<std::string_view>& comments(language lang, int klass) {
    static const std::array<std::array<std::vector<std::string_view>, 3>, 5> table{{
        {{
            {"Great support team, always quick to answer.", "Love the new dashboards!",
             "The \"health score\" view saves me hours every week.",
             "Onboarding was smooth.\nOur CSM knew our setup before the first call.",
             "Reliable, fast, and the API just works.", "Best vendor we work with, hands down.",
             "Exports to Excel are perfect for our board pack.",
             "Support fixed our SSO issue in 10 minutes, impressive."},
            {"Good product, but pricing for extra seats is steep.",
             "Does what we need. Reporting could be more flexible.",
             "Mostly fine; the mobile app feels slow.",
             "Solid, though we'd like a \"dark mode\" for the wall display.",
             "OK overall.\nWould love scheduled PDF reports.",
             "Works well, documentation is hit and miss."},
            {"Billing is confusing, we were charged twice.",
             "Too many outages this quarter.\nPlease fix the sync before renewal.",
             "Support takes days to reply, not hours.",
             "\"Quick fix\" took three weeks. Not acceptable.",
             "Data import keeps failing on files over 50 MB.",
             "We are evaluating alternatives, the roadmap ignores us.",
             "Export to CSV drops accents in names (é, ñ, ü)."},
        }},
        {{
            {"Excelente atención, muy rápidos.", "La plataforma es muy fácil de usar, ¡felicidades al equipo!",
             "El soporte en español marca la diferencia.",
             "Los reportes de \"salud del cliente\" nos ahorran horas."},
            {"Buen producto, pero el precio por usuario es alto.", "Funciona bien; faltan reportes en PDF.",
             "Cumple, aunque la app móvil es lenta."},
            {"La integración con facturación falló otra vez, ¿cuándo lo arreglan?",
             "El soporte tarda días en responder.\nNecesitamos una solución ya.",
             "Cobro duplicado en la factura de marzo, nadie responde.",
             "Muchas caídas este mes, perdimos ventas."},
        }},
        {{
            {"Atendimento ótimo, parabéns à equipe!", "Ferramenta excelente, relatórios claros e rápidos.",
             "O suporte em português faz toda a diferença."},
            {"Bom produto, mas o preço por usuário é alto.",
             "Funciona bem; a exportação para Excel poderia ser melhor.",
             "Razoável, a integração com o ERP é lenta."},
            {"O relatório de cobrança está confuso, fomos cobrados duas vezes.",
             "Suporte demora demais para responder.\nVamos reavaliar a renovação.",
             "Instabilidade frequente, \"manutenção programada\" toda semana."},
        }},
        {{
            {"Équipe très réactive, merci !", "Interface claire, déploiement rapide."},
            {"Bon outil, mais la facturation est compliquée.", "Correct, il manque des rapports planifiés."},
            {"Trop de pannes ce trimestre, c'est inacceptable.", "Le support met des jours à répondre."},
        }},
        {{
            {"Sehr schneller Support, danke!", "Übersichtliche Berichte, einfache Einrichtung."},
            {"Gutes Produkt, aber die Preise pro Nutzer sind hoch.", "Funktioniert, die Doku könnte besser sein."},
            {"Zu viele Ausfälle, so können wir nicht arbeiten.",
             "Der Support antwortet erst nach Tagen.\nWir prüfen Alternativen."},
        }},
    }};
    return table[static_cast<std::size_t>(lang)][static_cast<std::size_t>(klass)];
}

// ---------------------------------------------------------------- the timeline

constexpr int window_first = month_index(first_year, 1);
constexpr int window_last = window_first + month_count - 1;
constexpr std::int64_t window_start_day = first_day_of(window_first);
constexpr std::int64_t window_end_day = last_day_of(window_last);
constexpr std::int64_t cutoff_seconds = (window_end_day + 1) * 86400 - 1;  // 2024-12-31 23:59:59

enum stream_purpose : std::uint64_t {
    purpose_new_accounts = 1,
    purpose_account,
    purpose_lifecycle,
    purpose_surveys,
    purpose_tickets,
    purpose_storms,
};

// Incidents: NPS points lost, ticket multiplier, churn multiplier.
struct incident_effect {
    double nps = 0;
    double tickets = 1;
    double churn = 1;
};

incident_effect incident(int region, int month) {
    const int t = month - window_first;
    if (region == 1 && t == 17) return {-30, 3.0, 1.0};  // EMEA, 2024-06: the outage
    if (region == 1 && t == 18) return {-12, 1.6, 1.8};
    if (region == 1 && t == 19) return {-4, 1.1, 1.5};
    if (region == 3 && t == 10) return {-18, 2.0, 1.0};  // APAC, 2023-11: the migration
    if (region == 3 && t == 11) return {-6, 1.3, 1.4};
    return {};
}

bool active_on(const account& a, std::int64_t day) { return a.started <= day && (a.churned < 0 || day <= a.churned); }

// The days of `month` the account was a customer: [from, to], or from > to.
std::pair<std::int64_t, std::int64_t> active_days(const account& a, int month) {
    std::int64_t from = std::max(a.started, first_day_of(month));
    std::int64_t to = last_day_of(month);
    if (a.churned >= 0) to = std::min(to, a.churned);
    return {from, to};
}

// A day in [from, to]; a weekend day is kept with probability weekend_weight (else redrawn).
std::int64_t draw_day(rng& r, std::int64_t from, std::int64_t to, double weekend_weight) {
    for (int attempt = 0; attempt < 16; ++attempt) {
        const std::int64_t d = from + r.between(0, static_cast<int>(to - from));
        if (!is_weekend(d) || r.chance(weekend_weight)) return d;
    }
    return from + r.between(0, static_cast<int>(to - from));
}

// "ACC-0001": a prefix and a zero-padded number.
std::string padded_id(std::string_view prefix, std::size_t n, std::size_t width) {
    std::string digits = std::to_string(n);
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    return std::string(prefix) + digits;
}

int clamp_int(double v, int lo, int hi) {
    const double f = std::floor(v + 0.5);
    if (f < lo) return lo;
    if (f > hi) return hi;
    return static_cast<int>(f);
}

// ---------------------------------------------------------------- accounts

account make_account(std::uint64_t seed, std::uint64_t key, std::int64_t started) {
    rng r = rng::stream(seed, purpose_account, key);
    account a;
    const auto& regs = regions();
    std::array<double, 4> region_weights{};
    for (std::size_t i = 0; i < regs.size(); ++i) region_weights[i] = regs[i].weight;
    a.region_index = static_cast<int>(r.weighted(region_weights));
    const region_info& reg = regs[static_cast<std::size_t>(a.region_index)];
    std::vector<double> country_weights;
    for (const auto& c : reg.countries) country_weights.push_back(c.weight);
    const country_info& country = reg.countries[r.weighted(country_weights)];
    a.region = reg.name;
    a.country = country.name;
    a.manager = reg.managers[r.below(static_cast<std::uint32_t>(reg.managers.size()))];
    a.tier_index = static_cast<int>(r.weighted(reg.tier_mix));
    a.tier = tier_names[static_cast<std::size_t>(a.tier_index)];
    const auto t = static_cast<std::size_t>(a.tier_index);
    a.plan = r.chance(annual_share[t]) ? "Annual" : "Monthly";
    a.seats = clamp_int(r.lognormal(seats_median[t], 0.5), seats_min[t], seats_max[t]);
    a.sentiment = r.normal();
    a.language = r.chance(country.native_share) ? country.lang : english;
    a.name = company_name(r, country);
    a.started = started;
    return a;
}

std::int64_t seat_price(const account& a) {
    const auto t = static_cast<std::size_t>(a.tier_index);
    return a.plan == "Annual" ? seat_price_annual_cents[t] : seat_price_cents[t];
}

// Seats month by month from the start, and churn within the window.
void live(std::uint64_t seed, std::uint64_t key, account& a) {
    rng r = rng::stream(seed, purpose_lifecycle, key);
    a.initial_mrr_cents = a.seats * seat_price(a);
    const auto t = static_cast<std::size_t>(a.tier_index);
    const int start_month = month_of_days(a.started);
    for (int m = start_month; m <= window_last; ++m) {
        const int age = m - start_month;
        if (m >= window_first) {
            double p = 0.0;
            if (age == 0) {
                p = a.tier_index == 2 && a.plan == "Monthly" ? 0.012 : 0.002;  // never got started
            } else if (a.plan == "Monthly") {
                p = churn_hazard[t];
            } else if (age % 12 == 0) {
                p = 9 * churn_hazard[t];  // annual plans leave at renewal
            }
            p = p * det_exp(-0.55 * a.sentiment);
            const int moy = m % 12;
            if (moy == 0) p = p * 1.3;  // budgets reset in January
            if (a.region_index == 2 && m >= window_first + 12) p = p * 1.5;  // LATAM's bad year
            p = p * incident(a.region_index, m).churn;
            if (r.chance(p)) {
                const std::int64_t from = std::max(a.started, first_day_of(m));
                a.churned = from + r.between(0, static_cast<int>(last_day_of(m) - from));
                break;
            }
        }
        if (age > 0) {
            if (r.chance(expansion_rate[t] * det_exp(0.4 * a.sentiment))) {
                const int grown = clamp_int(a.seats * r.uniform(1.05, 1.35), a.seats + 1, 2000);
                a.seats = grown;
            } else if (r.chance(0.006)) {
                a.seats = std::max(1, clamp_int(a.seats * r.uniform(0.75, 0.95), 1, a.seats));
            }
        }
    }
    a.mrr_cents = a.seats * seat_price(a);
}

std::vector<account> make_accounts(std::uint64_t seed) {
    std::vector<account> out;
    std::uint64_t key = 0;
    // Customers before the window: started 2018-2022, more of them recently.
    const std::int64_t early = days_from_civil(2018, 1, 1);
    const int span = static_cast<int>(window_start_day - 1 - early);
    rng r = rng::stream(seed, purpose_new_accounts, 0);
    for (int i = 0; i < 640; ++i) {
        const std::int64_t started = early + clamp_int(span * std::sqrt(r.uniform()), 0, span);
        out.push_back(make_account(seed, key++, started));
    }
    // New customers each month, growing.
    for (int m = window_first; m <= window_last; ++m) {
        const int t = m - window_first;
        rng month_rng = rng::stream(seed, purpose_new_accounts, 1, static_cast<std::uint64_t>(m));
        const int n = month_rng.poisson((13.0 + 0.22 * t) * new_account_volume[static_cast<std::size_t>(m % 12)]);
        for (int i = 0; i < n; ++i) {
            const std::int64_t started = draw_day(month_rng, first_day_of(m), last_day_of(m), 0.15);
            out.push_back(make_account(seed, key++, started));
        }
    }
    for (std::size_t i = 0; i < out.size(); ++i) live(seed, i, out[i]);
    // Identifiers in order of started_at (ties: generation order).
    std::vector<std::size_t> order(out.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return out[x].started < out[y].started; });
    std::vector<account> sorted;
    sorted.reserve(out.size());
    for (std::size_t i : order) sorted.push_back(std::move(out[i]));
    // Unique names: a clash gets a roman numeral.
    std::set<std::string> names;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        sorted[i].id = padded_id("ACC-", i + 1, 4);
        std::string name = sorted[i].name;
        static constexpr const char* numerals[] = {" II", " III", " IV", " V", " VI", " VII", " VIII", " IX", " X"};
        for (const char* n : numerals) {
            if (!names.contains(name)) break;
            name = sorted[i].name + n;
        }
        sorted[i].name = name;
        names.insert(name);
    }
    return sorted;
}

// ---------------------------------------------------------------- surveys

// NPS the account's respondents lean towards in `month`, in points.
double target_nps(const account& a, int month) {
    const region_info& reg = regions()[static_cast<std::size_t>(a.region_index)];
    const double t = static_cast<double>(month - window_first) / (month_count - 1);  // 0 .. 1
    return reg.nps_base + reg.nps_drift * (t - 0.5) + tier_nps_offset[static_cast<std::size_t>(a.tier_index)] +
           nps_season[static_cast<std::size_t>(month % 12)] + 16.0 * a.sentiment + incident(a.region_index, month).nps;
}

// A score 0-10 for an account-month whose NPS should be near `nps`.
int draw_score(rng& r, double nps) {
    const double n = std::clamp(nps, -92.0, 94.0) / 100.0;
    const double passives = 0.26;
    double promoters = (1.0 - passives + n) / 2.0;
    double detractors = (1.0 - passives - n) / 2.0;
    promoters = std::clamp(promoters, 0.02, 0.96);
    detractors = std::clamp(detractors, 0.02, 0.96);
    const double u = r.uniform();
    if (u < promoters) return r.chance(0.45) ? 10 : 9;
    if (u < promoters + detractors) {
        static constexpr double weights[] = {3, 2, 3, 5, 7, 12, 16};
        return static_cast<int>(r.weighted(weights));
    }
    return r.chance(0.45) ? 7 : 8;
}

int draw_csat(rng& r, int score) {
    static constexpr double promoter[] = {0, 0.01, 0.06, 0.33, 0.60};
    static constexpr double passive[] = {0.01, 0.06, 0.28, 0.50, 0.15};
    static constexpr double detractor[] = {0.20, 0.30, 0.35, 0.13, 0.02};
    const double* w = score >= 9 ? promoter : score >= 7 ? passive : detractor;
    return 1 + static_cast<int>(r.weighted(std::span<const double>(w, 5)));
}

std::string draw_comment(rng& r, const account& a, int score, int month) {
    const int klass = score >= 9 ? 0 : score >= 7 ? 1 : 2;
    static constexpr double comment_rate[] = {0.35, 0.30, 0.55};
    if (!r.chance(comment_rate[klass])) return {};
    const incident_effect inc = incident(a.region_index, month);
    if (klass == 2 && inc.nps <= -10 && r.chance(0.5)) {
        if (a.region_index == 1)
            return r.chance(0.5) ? "The June outage cost us two days of reporting."
                                 : "Outage on June 12, no status page updates for hours, very poor communication.";
        return "The data center migration broke our dashboards for a week.";
    }
    const auto& options = comments(static_cast<language>(a.language), klass);
    const auto n = static_cast<std::uint32_t>(options.size());
    const std::uint32_t first = r.below(n);
    std::string text(options[first]);
    const double u = r.uniform();
    if (u < 0.22) {  // a second remark, on a new line or the same one
        text += u < 0.10 ? "\n" : " ";
        text += options[(first + 1 + r.below(n - 1)) % n];
    }
    return text;
}

std::vector<survey_response> make_surveys(std::uint64_t seed, const std::vector<account>& accounts) {
    std::vector<survey_response> out;
    std::uint64_t order = 0;
    for (std::size_t i = 0; i < accounts.size(); ++i) {
        const account& a = accounts[i];
        for (int m = window_first; m <= window_last; ++m) {
            const auto [from, to] = active_days(a, m);
            if (from > to) continue;
            rng r = rng::stream(seed, purpose_surveys, i, static_cast<std::uint64_t>(m));
            const double active_share = static_cast<double>(to - from + 1) / static_cast<double>(last_day_of(m) - first_day_of(m) + 1);
            const double program_growth = 0.9 + 0.2 * (m - window_first) / (month_count - 1);
            const double lambda = surveys_per_month[static_cast<std::size_t>(a.tier_index)] *
                                  survey_volume[static_cast<std::size_t>(m % 12)] * active_share * program_growth;
            const int n = r.poisson(lambda);
            const double month_nps = target_nps(a, m) + 6.0 * r.normal();
            for (int k = 0; k < n; ++k) {
                survey_response s;
                s.account = i;
                s.submitted = draw_day(r, from, to, 0.4);
                s.score = draw_score(r, month_nps);
                const double missing = a.region_index == 3 ? 0.10 : 0.06;
                s.csat = r.chance(missing) ? 0 : draw_csat(r, s.score);
                s.comment = draw_comment(r, a, s.score, m);
                s.order = order++;
                out.push_back(std::move(s));
            }
        }
    }
    // Survey storms: one unhappy Enterprise account floods a month with 0-2 scores.
    struct storm {
        int region;
        int month;
    };
    static constexpr storm storms[] = {{2, month_index(2023, 8)}, {1, month_index(2024, 6)}, {0, month_index(2024, 10)}};
    for (std::size_t s = 0; s < std::size(storms); ++s) {
        const storm& st = storms[s];
        std::size_t chosen = accounts.size();
        for (std::size_t i = 0; i < accounts.size(); ++i) {
            const account& a = accounts[i];
            if (a.region_index != st.region || a.tier_index != 0) continue;
            if (!active_on(a, first_day_of(st.month)) || !active_on(a, last_day_of(st.month))) continue;
            if (chosen == accounts.size() || a.sentiment < accounts[chosen].sentiment) chosen = i;
        }
        if (chosen == accounts.size()) continue;
        rng r = rng::stream(seed, purpose_storms, s);
        const int n = r.between(28, 40);
        const std::int64_t day = first_day_of(st.month) + r.between(3, 20);
        for (int k = 0; k < n; ++k) {
            survey_response resp;
            resp.account = chosen;
            resp.submitted = day + r.between(0, 2);
            static constexpr double weights[] = {6, 2, 1};
            resp.score = static_cast<int>(r.weighted(weights));
            resp.csat = r.chance(0.3) ? 0 : r.between(1, 2);
            if (r.chance(0.25)) resp.comment = r.chance(0.5) ? "Same issue as before, still not fixed." : "See ticket, nobody called back!!!";
            resp.order = order++;
            out.push_back(std::move(resp));
        }
    }
    std::sort(out.begin(), out.end(), [](const survey_response& x, const survey_response& y) {
        return x.submitted != y.submitted ? x.submitted < y.submitted : x.order < y.order;
    });
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i].id = padded_id("R", i + 1, 6);
    }
    return out;
}

// ---------------------------------------------------------------- tickets

std::vector<ticket> make_tickets(std::uint64_t seed, const std::vector<account>& accounts) {
    static constexpr const char* channels[] = {"email", "chat", "web", "phone"};
    static constexpr double channel_weights[3][4] = {{0.35, 0.28, 0.15, 0.22}, {0.40, 0.32, 0.18, 0.10}, {0.42, 0.30, 0.25, 0.03}};
    static constexpr double channel_median_minutes[] = {75, 3.5, 110, 1.2};
    static constexpr double channel_fcr[] = {0.62, 0.74, 0.58, 0.78};
    static constexpr double tier_frt[] = {0.6, 1.0, 1.5};
    static constexpr const char* categories[] = {"how-to", "billing", "bug", "integration", "access", "outage"};
    static constexpr double category_weights[] = {30, 15, 25, 15, 15, 0};
    static constexpr double category_fcr_shift[] = {0.10, 0.02, -0.12, -0.12, 0.08, -0.05};

    std::vector<ticket> out;
    std::uint64_t order = 0;
    for (std::size_t i = 0; i < accounts.size(); ++i) {
        const account& a = accounts[i];
        const auto t = static_cast<std::size_t>(a.tier_index);
        const region_info& reg = regions()[static_cast<std::size_t>(a.region_index)];
        for (int m = window_first; m <= window_last; ++m) {
            const auto [from, to] = active_days(a, m);
            if (from > to) continue;
            rng r = rng::stream(seed, purpose_tickets, i, static_cast<std::uint64_t>(m));
            const incident_effect inc = incident(a.region_index, m);
            const double active_share = static_cast<double>(to - from + 1) / static_cast<double>(last_day_of(m) - first_day_of(m) + 1);
            const double lambda = tickets_per_month[t] * ticket_volume[static_cast<std::size_t>(m % 12)] * active_share *
                                  (1.0 + 0.35 * std::max(0.0, -a.sentiment)) * inc.tickets;
            const int n = r.poisson(lambda);
            const double progress = static_cast<double>(m - window_first) / (month_count - 1);
            for (int k = 0; k < n; ++k) {
                ticket tk;
                tk.account = i;
                const std::int64_t day = draw_day(r, from, to, 0.35);
                const bool business = r.chance(0.75);
                const int second_of_day = business ? r.between(8 * 3600, 18 * 3600 - 1) : r.between(0, 86399);
                tk.opened = day * 86400 + second_of_day;
                const bool off_hours = is_weekend(day) || second_of_day < 8 * 3600 || second_of_day >= 18 * 3600;
                const std::size_t ch = r.weighted(channel_weights[t]);
                tk.channel = channels[ch];
                std::size_t cat = r.weighted(category_weights);
                if (inc.tickets > 1.5 && r.chance(0.5)) cat = 5;
                tk.category = categories[cat];

                double minutes = r.lognormal(channel_median_minutes[ch], 0.8) * tier_frt[t] * reg.frt_factor *
                                 (off_hours ? 4.0 : 1.0) * (1.25 - 0.45 * progress) * (m % 12 == 11 ? 1.3 : 1.0) *
                                 (inc.tickets > 1.5 ? 2.5 : 1.0);
                if (r.chance(0.004)) minutes = std::max(minutes, r.uniform(900, 10080));  // lost in a queue: 15 h to a week
                const int tenths = std::max(1, clamp_int(minutes * 10.0, 1, 2000000000));

                double fcr = channel_fcr[ch] + category_fcr_shift[cat] + (a.tier_index == 0 ? 0.04 : 0.0) + 0.06 * progress;
                fcr = std::clamp(fcr, 0.2, 0.95);
                static constexpr double repeat_weights[] = {50, 28, 14, 8};
                tk.contacts = r.chance(fcr) ? 1 : 2 + static_cast<int>(r.weighted(repeat_weights));

                const std::int64_t responded = tk.opened + static_cast<std::int64_t>(tenths) * 6;  // tenths of a minute = 6 s
                double work_minutes = tk.contacts == 1 ? r.lognormal(ch == 1 || ch == 3 ? 35 : 240, 0.9)
                                                       : r.lognormal(600, 0.8) * (tk.contacts - 1) + r.lognormal(120, 0.7);
                const std::int64_t resolved = responded + static_cast<std::int64_t>(std::floor(work_minutes * 60.0));
                tk.order = order++;
                if (responded > cutoff_seconds) {
                    tk.first_response_tenths = -1;  // not answered yet
                    tk.contacts = 1;
                    tk.resolved = -1;
                } else {
                    tk.first_response_tenths = tenths;
                    const bool stale = r.chance(0.012);
                    tk.resolved = stale || resolved > cutoff_seconds ? -1 : resolved;
                }
                out.push_back(std::move(tk));
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const ticket& x, const ticket& y) {
        return x.opened != y.opened ? x.opened < y.opened : x.order < y.order;
    });
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i].id = padded_id("TCK-", i + 1, 6);
    }
    return out;
}

}  // namespace

sample_data generate_sample_data(std::uint64_t seed) {
    sample_data data;
    data.accounts = make_accounts(seed);
    data.surveys = make_surveys(seed, data.accounts);
    data.tickets = make_tickets(seed, data.accounts);
    return data;
}

}  // namespace folio_example
