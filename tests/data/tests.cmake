# Tests of the data layer, relative to tests/.
list(APPEND FOLIO_TEST_SOURCES
  data/csv_chunks_test.cpp
  data/csv_errors_test.cpp
  data/csv_format_test.cpp
  data/csv_parallel_test.cpp
  data/csv_streaming_test.cpp
  data/csv_throughput_test.cpp
  data/csv_types_test.cpp
  data/sqlite_source_test.cpp
  data/table_test.cpp
)
