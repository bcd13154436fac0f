# Tests of report_loader, relative to tests/.
list(APPEND FOLIO_TEST_SOURCES
  report_loader/closest_match_test.cpp
  report_loader/diagnostic_format_test.cpp
  report_loader/module_loader_test.cpp
  report_loader/source_file_test.cpp
)
