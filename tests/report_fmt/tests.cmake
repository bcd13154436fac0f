# Tests of report_fmt, relative to tests/.
list(APPEND FOLIO_TEST_SOURCES
)
