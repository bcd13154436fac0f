# Tests of report_check, relative to tests/.
list(APPEND FOLIO_TEST_SOURCES
  report_check/golden_test.cpp
  report_check/model_test.cpp
  report_check/robustness_test.cpp
)
