# Tests of the renderers (templates/), relative to tests/. Script tests (workbook checks
# with openpyxl, LibreOffice recalculation, the browser test) are registered here too.
list(APPEND FOLIO_TEST_SOURCES
  templates/html_hostile_test.cpp
  templates/html_render_test.cpp
  templates/html_template_test.cpp
  templates/svg_chart_test.cpp
  templates/svg_ticks_test.cpp
  templates/theme_test.cpp
  templates/words_test.cpp
  templates/xlsx_chart_test.cpp
  templates/xlsx_data_test.cpp
  templates/xlsx_writer_test.cpp
)
# The XLSX chart and data tests call the renderer's internal parts (templates/xlsx/*.hpp).
set_source_files_properties(templates/xlsx_chart_test.cpp templates/xlsx_data_test.cpp
  PROPERTIES INCLUDE_DIRECTORIES ${PROJECT_SOURCE_DIR}/templates)

# XLSX: the example workbooks opened with openpyxl (sheets, formulas, names, formats, golden
# dumps) and recalculated with LibreOffice (every formula cell equals Folio's cached value).
add_test(NAME xlsx_workbook_check
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/templates/xlsx_check.py $<TARGET_FILE:folio> ${PROJECT_SOURCE_DIR})
add_test(NAME xlsx_libreoffice_recalc
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/templates/xlsx_recalc.py $<TARGET_FILE:folio> ${PROJECT_SOURCE_DIR})
set_tests_properties(xlsx_libreoffice_recalc PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 RUN_SERIAL TRUE)
set_tests_properties(xlsx_workbook_check PROPERTIES TIMEOUT 300)

# SVG charts: every golden SVG (byte-equal to what svg_chart_test produces) parses as XML,
# is accessible and refers to nothing outside itself.
add_test(NAME svg_wellformed
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/templates/svg_wellformed.py)

# HTML: the example reports and a page of hostile data loaded in headless Chromium with the
# network disabled (no console errors, no requests); screenshots in the build's test output.
add_test(NAME html_browser_check
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/templates/html_browser_check.py $<TARGET_FILE:folio>
                 ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/html-browser)
set_tests_properties(html_browser_check PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
