# Tests of report evaluation, relative to tests/.
list(APPEND FOLIO_TEST_SOURCES
)
