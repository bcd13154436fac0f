# The XLSX renderer's sources (relative to templates/).
list(APPEND FOLIO_TEMPLATES_SOURCES
  xlsx/xlsx_writer.cpp
  xlsx/xlsx_cells.cpp
  xlsx/metric_cells.cpp
  xlsx/summary_sheet.cpp
  xlsx/table_sheet.cpp
  xlsx/calculation_sheet.cpp
  xlsx/chart_writer.cpp
  xlsx/chart_cache.cpp
  xlsx/chart_data_sheet.cpp
  xlsx/data_sheet.cpp
)
