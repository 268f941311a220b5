# Writes OUTPUT, a C++ source holding the holiday files INPUTS (a |-separated list) as string
# literals, so the library needs no data path at run time.
string(REPLACE "|" ";" inputs "${INPUTS}")
set(body "")
foreach(file IN LISTS inputs)
  get_filename_component(stem "${file}" NAME_WE)
  file(READ "${file}" text)
  string(APPEND body "    {${stem}, R\"parindex_json(${text})parindex_json\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from data/calendars/vn by cmake/embed_calendars.cmake. Do not edit.
#include <string_view>
#include <utility>
#include <vector>

namespace parindex::calendar_data {

const std::vector<std::pair<int, std::string_view>>& vietnam_years() {
  static const std::vector<std::pair<int, std::string_view>> years{
${body}  };
  return years;
}

}  // namespace parindex::calendar_data
")
# Rewrite only on change, so an unchanged build does not recompile.
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
file(REMOVE "${OUTPUT}.tmp")
