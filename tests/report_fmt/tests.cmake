# Tests of report_fmt, relative to tests/: the formatter's round trip and golden
# layouts, the docs' examples, and the check/fmt commands.
list(APPEND FOLIO_TEST_SOURCES
  report_fmt/check_fmt_cli_test.cpp
  report_fmt/docs_examples_test.cpp
  report_fmt/fmt_golden_test.cpp
  report_fmt/fmt_mutation_test.cpp
  report_fmt/fmt_roundtrip_test.cpp
)
