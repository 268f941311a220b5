# Installs the parindex build in BUILD_DIR into a scratch prefix, builds the consumer project
# against it with find_package, and runs it on the shipped example.
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()
run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}" -B "${WORK_DIR}/build" -G "${GENERATOR}" "-DCMAKE_PREFIX_PATH=${prefix}"
    "-DWITH_C_API=${WITH_C_API}")
run(${CMAKE_COMMAND} --build "${WORK_DIR}/build")
string(REPLACE "|" ";" data "${DATA}")
run("${WORK_DIR}/build/consumer" ${data})
if(NOT last_output STREQUAL "bac-son 84.87/99.50\n")
  message(FATAL_ERROR "unexpected consumer output: ${last_output}")
endif()
if(WITH_C_API)
  # A C program that links libparindex_c alone, found through the same package.
  run("${WORK_DIR}/build/consumer_c" ${data})
  if(NOT last_output STREQUAL "bac-son 84.87/99.50\n")
    message(FATAL_ERROR "unexpected C consumer output: ${last_output}")
  endif()
endif()

# With the Python module built, the install holds the Python package too: import it from there.
if(PYTHON)
  set(ENV{PYTHONPATH} "${prefix}/${PYTHON_PACKAGE_DIR}")
  list(GET data 0 framework_file)
  # No ';' in the code: CMake would split the argument there.
  set(check "import parindex, sys\nassert parindex.__file__.startswith(sys.argv[2]), parindex.__file__\nprint(parindex.Framework.load(sys.argv[1]).id)")
  run("${PYTHON}" -c "${check}" "${framework_file}" "${prefix}")
  if(NOT last_output STREQUAL "langson-district-2023\n")
    message(FATAL_ERROR "unexpected output from the installed Python package: ${last_output}")
  endif()
endif()
