# Installs Folio into a scratch prefix, then builds and runs examples/embed as a
# separate project that finds it with find_package(Folio): the exported package works.
# Variables: BUILD_DIR, SOURCE_DIR, WORK_DIR.
file(REMOVE_RECURSE ${WORK_DIR})
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix)
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/embed -B ${WORK_DIR}/build -G Ninja
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/folio_embed_example)
if(NOT last_output MATCHES "after the edit: NPS North = 75")
  message(FATAL_ERROR "unexpected output: ${last_output}")
endif()
if(NOT EXISTS ${WORK_DIR}/prefix/bin/folio OR NOT EXISTS ${WORK_DIR}/prefix/share/folio/stdlib)
  message(FATAL_ERROR "the install lacks bin/folio or share/folio/stdlib")
endif()
message(STATUS "installed Folio found and used by a host project")
