# Tests of report evaluation, relative to tests/.
list(APPEND FOLIO_TEST_SOURCES
  eval/aggregates_test.cpp
  eval/cx_lifecycle_test.cpp
  eval/cx_worked_examples_test.cpp
  eval/example_test.cpp
  eval/group_map_test.cpp
  eval/render_command_test.cpp
  eval/report_shapes_test.cpp
  eval/row_semantics_test.cpp
  eval/sources_test.cpp
  eval/sql_cross_check_test.cpp
  eval/threads_test.cpp
  eval/time_calendar_test.cpp
  eval/time_period_test.cpp
  eval/time_report_test.cpp
  eval/time_test.cpp
  eval/time_zone_test.cpp
)
