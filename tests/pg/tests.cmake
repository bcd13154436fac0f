# Tests of PostgreSQL sources and aggregate pushdown (SQLite too), relative to tests/.
# The [pg] tests that need a server skip without FOLIO_TEST_PG_DSN (scripts/start-test-postgres.sh).
list(APPEND FOLIO_TEST_SOURCES
  pg/pg_equality_test.cpp
  pg/pg_explain_test.cpp
  pg/pg_failure_test.cpp
)
