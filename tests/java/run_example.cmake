# Runs examples/java (Bắc Sơn scored from Java through JNA and libparindex_c) with Maven.
# Offline first, so that a machine with JNA and the plugins in ~/.m2 touches no network; else
# online with a time limit. A dependency that cannot be had prints SKIPPED (the test's
# SKIP_REGULAR_EXPRESSION), a wrong figure fails.
# Variables: MVN, POM, BUILD_DIR, LIBRARY_DIR, FRAMEWORK, ASSESSMENT.
set(goals -B -q -Dstyle.color=never -f "${POM}" compile exec:java "-Dparindex.build.dir=${BUILD_DIR}"
          "-Djna.library.path=${LIBRARY_DIR}" "-Dexec.args=${FRAMEWORK} ${ASSESSMENT}")

function(maven mode)
  execute_process(COMMAND "${MVN}" ${mode} ${goals} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                  TIMEOUT 280)
  string(ASCII 27 escape)  # Maven colours some lines whatever it is told
  string(REGEX REPLACE "${escape}\\[[0-9;]*m" "" out "${out}${err}")
  set(rc "${rc}" PARENT_SCOPE)
  set(out "${out}" PARENT_SCOPE)
endfunction()

# What Maven says when it lacks an artifact, as opposed to a build or a check that failed (with
# an empty ~/.m2, offline Maven cannot even resolve the exec plugin's prefix).
set(unresolved "offline mode|No plugin found for prefix|Could not resolve|Could not transfer|Cannot access|could not be resolved|Unknown host|timeout")

maven(-o)
if(NOT rc EQUAL 0 AND out MATCHES "${unresolved}")
  message(STATUS "not everything is in ~/.m2 yet: fetching from Maven Central")
  maven("")
  if(NOT rc EQUAL 0 AND (out MATCHES "${unresolved}" OR rc MATCHES "timeout"))
    message("SKIPPED: Maven could not fetch JNA or its plugins (offline?):\n${out}")
    return()
  endif()
endif()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the Java example failed (${rc}):\n${out}")
endif()
message("${out}")
if(NOT out MATCHES "Bắc Sơn: 84\\.87 / 99\\.50 = 85\\.30%")
  message(FATAL_ERROR "the Java example did not print Bắc Sơn's 84.87 / 99.50 = 85.30%")
endif()
