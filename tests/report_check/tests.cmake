# Tests of report_check, relative to tests/.
list(APPEND FOLIO_TEST_SOURCES
)
