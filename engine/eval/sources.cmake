# Sources of report evaluation (owned by engine/eval/), relative to engine/.
set(FOLIO_ENGINE_EVAL_SOURCES
  eval/evaluate_report.cpp
)
