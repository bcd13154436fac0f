// The customer-health sample data as plain records: accounts with their lifecycle,
// survey responses and support tickets, generated from one seed. main.cpp writes them
// out (CSV and SQLite); check_sample_data.cpp reads the written files back.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace folio_example {

inline constexpr std::uint64_t default_seed = 20241231;

// The window the data covers: 24 months, 2023-01-01 to 2024-12-31 inclusive.
inline constexpr int first_year = 2023;
inline constexpr int month_count = 24;

struct account {
    std::string id;       // "ACC-0001", in order of started_at
    std::string name;
    std::string country;
    std::string region;
    std::string manager;
    std::string tier;     // Enterprise, Growth, Starter
    std::string plan;     // Annual, Monthly
    int seats = 0;
    std::int64_t initial_mrr_cents = 0;  // when the contract started
    std::int64_t mrr_cents = 0;          // now, or at churn for a churned account
    std::int64_t started = 0;            // days since 1970-01-01
    std::int64_t churned = -1;           // days since 1970-01-01, or -1 while active
    // Not written: drives scores, tickets and churn.
    double sentiment = 0.0;
    int region_index = 0;
    int tier_index = 0;
    int language = 0;
};

struct survey_response {
    std::string id;       // "R000001", in order of submitted_at
    std::size_t account = 0;
    std::int64_t submitted = 0;  // days
    int score = 0;               // 0-10
    int csat = 0;                // 1-5, 0 when missing
    std::string comment;
    std::uint64_t order = 0;     // generation order, breaks ties when sorting
};

struct ticket {
    std::string id;       // "TCK-000001", in order of opened_at
    std::size_t account = 0;
    std::int64_t opened = 0;     // seconds since 1970-01-01 (local time)
    std::int64_t resolved = -1;  // seconds, or -1 while unresolved
    std::string channel;         // email, chat, web, phone
    std::string category;
    int first_response_tenths = -1;  // minutes × 10, or -1 before the first response
    int contacts = 1;                // 1-5; 1 = resolved at first contact
    std::uint64_t order = 0;
};

struct sample_data {
    std::vector<account> accounts;
    std::vector<survey_response> surveys;
    std::vector<ticket> tickets;
};

sample_data generate_sample_data(std::uint64_t seed = default_seed);

}  // namespace folio_example
