# Tests of report_parser, relative to tests/.
list(APPEND FOLIO_TEST_SOURCES
)
