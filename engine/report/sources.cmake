# Sources of the report checker (owned by engine/report/), relative to engine/.
set(FOLIO_ENGINE_REPORT_SOURCES
  report/report_checker.cpp
)
