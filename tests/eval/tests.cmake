# Tests of report evaluation, relative to tests/.
list(APPEND FOLIO_TEST_SOURCES
  eval/aggregates_test.cpp
  eval/render_command_test.cpp
  eval/time_period_test.cpp
  eval/time_test.cpp
)
