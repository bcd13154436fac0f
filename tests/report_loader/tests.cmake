# Tests of report_loader, relative to tests/.
list(APPEND FOLIO_TEST_SOURCES
)
