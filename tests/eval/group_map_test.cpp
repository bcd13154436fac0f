// The group map of the scans: tuples of dimension ids to dense group numbers, through
// the direct table (one or two dimensions, small ids), the hash map (three or more, or
// large sparse ids) and its growth.
#include <catch2/catch.hpp>

#include <span>

#include "../../engine/eval/group_map.hpp"

using folio::eval::group_map;

namespace {

// Assigns the groups of rows given as columns of ids.
std::vector<std::uint32_t> assign(group_map& map, const std::vector<std::vector<std::uint32_t>>& columns) {
    std::vector<std::span<const std::uint32_t>> spans;
    for (const auto& c : columns) spans.emplace_back(c);
    std::vector<std::uint32_t> groups;
    map.assign(spans, columns.empty() ? 0 : columns[0].size(), groups);
    return groups;
}

}  // namespace

TEST_CASE("groups of one, two and three dimensions", "[eval]") {
    group_map none(0);
    CHECK(none.size() == 1);

    group_map one(1);
    CHECK(assign(one, {{5, 3, 5, 0}}) == std::vector<std::uint32_t>{0, 1, 0, 2});
    CHECK(one.size() == 3);
    CHECK(one.key(1)[0] == 3);

    group_map two(2);
    CHECK(assign(two, {{1, 1, 2, 1}, {7, 8, 7, 7}}) == std::vector<std::uint32_t>{0, 1, 2, 0});
    const std::uint32_t key[] = {2, 7};
    CHECK(two.find(key) == 2);
    const std::uint32_t missing[] = {2, 8};
    CHECK(two.find(missing) == group_map::npos);

    group_map three(3);
    CHECK(assign(three, {{1, 1, 1}, {2, 2, 3}, {3, 3, 3}}) == std::vector<std::uint32_t>{0, 0, 1});
}

TEST_CASE("many groups and sparse large ids", "[eval]") {
    // 200,000 distinct pairs of large ids: past the direct table's bound, through the hash map as it grows.
    std::vector<std::uint32_t> a, b;
    for (std::uint32_t i = 0; i < 200000; ++i) {
        a.push_back(i * 7919u % 1000003u);
        b.push_back(60000u + i % 5000u);
    }
    group_map map(2);
    const auto first = assign(map, {a, b});
    CHECK(map.size() == 200000);
    const auto again = assign(map, {a, b});
    CHECK(again == first);
    for (std::uint32_t g : {0u, 12345u, 199999u}) {
        CHECK(map.key(g)[0] == a[g]);
        CHECK(map.key(g)[1] == b[g]);
    }
    group_map wide(3);
    std::vector<std::uint32_t> c(a.size(), 1);
    assign(wide, {a, b, c});
    CHECK(wide.size() == 200000);
}
