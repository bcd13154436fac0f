# The HTML renderer's sources (relative to templates/).
list(APPEND FOLIO_TEMPLATES_SOURCES
  html/html_writer.cpp
  html/html_page.cpp
  html/pdf_writer.cpp
  html/template_check.cpp
  html/template_files.cpp
  html/view_model.cpp
  html/view_schema.cpp
  ${CMAKE_CURRENT_BINARY_DIR}/html/builtin_templates.cpp
  html/svg/svg_chart.cpp
  html/svg/cartesian_chart.cpp
  html/svg/nice_ticks.cpp
  html/svg/pie_chart.cpp
  html/svg/scatter_chart.cpp
  html/svg/svg_frame.cpp
  html/svg/svg_text.cpp
  html/svg/tile_graphics.cpp
)

# The built-in templates become byte arrays in a generated source, rebuilt when one changes.
file(GLOB FOLIO_HTML_BUILTINS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/html/builtin/*.mustache)
add_custom_command(
  OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/html/builtin_templates.cpp
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_CURRENT_SOURCE_DIR}/html/builtin
          -DOUTPUT=${CMAKE_CURRENT_BINARY_DIR}/html/builtin_templates.cpp
          -P ${CMAKE_CURRENT_SOURCE_DIR}/html/embed_builtins.cmake
  DEPENDS ${FOLIO_HTML_BUILTINS} ${CMAKE_CURRENT_SOURCE_DIR}/html/embed_builtins.cmake
  COMMENT "Embedding the built-in HTML templates")
