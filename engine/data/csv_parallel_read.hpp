// Reading the records of a CSV file on several threads, with the results of one thread.
//
// The calling thread cuts the file into chunks of whole records (csv_chunk_reader); each
// chunk is split and converted by whichever thread is free (ordered_jobs), into tables of
// its own whose text columns have dictionaries of their own; the calling thread then takes
// the chunks back in file order and, for each, re-codes the text columns into the read's
// shared dictionaries (new strings in order of first appearance, so codes are the ones a
// serial read gives), hands the rows on, adds up skipped rows and locates problems. A chunk
// counts its rows from 0; the row numbers of its problems are fixed up when the chunks
// before it are counted, so messages say the same as a serial read's, and the first
// problem in file order is the one that ends a failing load. Memory stays bounded: a few
// chunks per thread are in flight.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "csv_converter.hpp"
#include "csv_scanner.hpp"
#include "folio/engine/data/load_issue.hpp"
#include "folio/engine/data/table.hpp"

namespace folio::data::detail {

/// Where a chunked read starts and how it works.
struct chunked_read {
    std::uint64_t start = 0;         // file offset of the first record (after the header)
    std::uint64_t rows_before = 0;   // spreadsheet rows before it (the header and blank lines)
    std::size_t threads = 2;         // threads that convert, the caller included
    std::size_t chunk_bytes = 0;     // 0: chosen from the file's size and the threads
};

/// Reads the rest of the file as `how` says: batches of at most `flush_rows` rows go to
/// `on_batch`, or, when it is null, the rows are appended to `out`, whose text columns'
/// dictionaries are the read's in both cases. Adds to `summary` (rows, skipped rows and
/// examples, bytes); throws data_error for the first bad record in file order unless skipped.
void read_chunks(const std::filesystem::path& path, const csv_layout& layout, csv_scanner& scanner,
                 const chunked_read& how, table& out, std::size_t flush_rows,
                 const std::function<void(const table_batch&)>* on_batch, load_summary& summary);

}  // namespace folio::data::detail
