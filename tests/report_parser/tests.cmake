# Tests of report_parser, relative to tests/.
list(APPEND FOLIO_TEST_SOURCES
  report_parser/report_grammar_test.cpp
  report_parser/report_hostile_test.cpp
  report_parser/report_recovery_test.cpp
)
