# Writes OUTPUT, a C++ source holding the holiday schedules INPUTS (a |-separated list of
# data/calendars/vn/*.json) as plain C++ data, so the calendar needs neither a data path nor a
# JSON reader at run time. The io layer reads the same files, and a test checks both agree.
cmake_policy(VERSION 3.20)
string(REPLACE "|" ";" inputs "${INPUTS}")

# A C++ raw string literal of `text`.
function(quote out text)
  set(${out} "R\"pj(${text})pj\"" PARENT_SCOPE)
endfunction()

# "2024-02-08" as "2024, 2, 8".
function(date_args out iso)
  string(REGEX MATCH "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$" ok "${iso}")
  if(NOT ok)
    message(FATAL_ERROR "embed_calendars: \"${iso}\" is not an ISO date")
  endif()
  math(EXPR m "${CMAKE_MATCH_2}")
  math(EXPR d "${CMAKE_MATCH_3}")
  set(${out} "${CMAKE_MATCH_1}, ${m}, ${d}" PARENT_SCOPE)
endfunction()

function(member out json)
  string(JSON value ERROR_VARIABLE err GET "${json}" ${ARGN})
  if(err)
    set(value "")
  endif()
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

# Entry i of a list: its name as a C++ literal, and whether its basis is "projected".
function(name_and_basis name_out projected_out json list i)
  member(name "${json}" ${list} ${i} name)
  member(basis "${json}" ${list} ${i} basis)
  quote(name "${name}")
  set(${name_out} "${name}" PARENT_SCOPE)
  if(basis STREQUAL "projected")
    set(${projected_out} true PARENT_SCOPE)
  else()
    set(${projected_out} false PARENT_SCOPE)
  endif()
endfunction()

set(body "")
foreach(file IN LISTS inputs)
  file(READ "${file}" text)
  member(year "${text}" year)
  member(applies "${text}" applies_to)
  member(notes "${text}" notes)
  quote(applies "${applies}")
  quote(notes "${notes}")
  set(sources "")
  string(JSON n LENGTH "${text}" sources)
  if(n GREATER 0)
    math(EXPR last "${n} - 1")
    foreach(i RANGE ${last})
      member(s "${text}" sources ${i})
      quote(s "${s}")
      string(APPEND sources "{${s}}, ")
    endforeach()
  endif()
  set(days "")
  string(JSON n ERROR_VARIABLE err LENGTH "${text}" days_off)
  if(NOT err AND n GREATER 0)
    math(EXPR last "${n} - 1")
    foreach(i RANGE ${last})
      member(from "${text}" days_off ${i} date)
      member(to "${text}" days_off ${i} date)
      if(from STREQUAL "")
        member(from "${text}" days_off ${i} from)
        member(to "${text}" days_off ${i} to)
      endif()
      date_args(from "${from}")
      date_args(to "${to}")
      name_and_basis(name is_projected "${text}" days_off ${i})
      string(APPEND days "      {{${from}}, {${to}}, ${name}, ${is_projected}},\n")
    endforeach()
  endif()
  set(worked "")
  string(JSON n ERROR_VARIABLE err LENGTH "${text}" working_days)
  if(NOT err AND n GREATER 0)
    math(EXPR last "${n} - 1")
    foreach(i RANGE ${last})
      member(day "${text}" working_days ${i} date)
      date_args(day "${day}")
      name_and_basis(name is_projected "${text}" working_days ${i})
      string(APPEND worked "      {{${day}}, ${name}, ${is_projected}},\n")
    endforeach()
  endif()
  string(APPEND body "  {${year}, ${applies}, {${sources}}, ${notes},\n    {\n${days}    },\n    {\n${worked}    }},\n")
endforeach()

file(WRITE "${OUTPUT}.tmp" "// Generated from data/calendars/vn by cmake/embed_calendars.cmake. Do not edit.
#include \"${HEADER}\"

namespace parindex::calendar_data {

const std::vector<ShippedYear>& vietnam_years() {
  static const std::vector<ShippedYear> years{
${body}  };
  return years;
}

}  // namespace parindex::calendar_data
")
# Rewrite only on change, so an unchanged build does not recompile.
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
file(REMOVE "${OUTPUT}.tmp")
