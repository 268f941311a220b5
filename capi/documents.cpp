// Loading documents from JSON text or files into handles.
#include "boundary.hpp"
#include "handles.hpp"

using namespace parindex::capi;

namespace {

// Text with an explicit length: the caller's buffer need not end in NUL.
std::string_view text_of(const char* text, std::size_t length) { return {need(text, "text"), length}; }

const char* source_of(const char* source) { return source ? source : ""; }

// One loader body for every document type: parse, then hand the caller a new handle.
template <class Handle, class Parse>
parindex_status load(const char* function, Handle** out, Parse&& parse) {
  return guarded(function, [&] {
    auto& result = out_pointer(out);
    result = new Handle{parse()};
  });
}

}  // namespace

extern "C" {

parindex_status parindex_framework_from_json(const char* text, size_t length, const char* source,
                                             parindex_framework** out) {
  return load(__func__, out, [&] { return parindex::framework_from_json(text_of(text, length), source_of(source)); });
}
parindex_status parindex_framework_load(const char* path, parindex_framework** out) {
  return load(__func__, out, [&] { return parindex::load_framework(need(path, "path")); });
}
void parindex_framework_free(parindex_framework* framework) { delete framework; }

parindex_status parindex_assessment_from_json(const char* text, size_t length, const char* source,
                                              parindex_assessment** out) {
  return load(__func__, out, [&] { return parindex::assessment_from_json(text_of(text, length), source_of(source)); });
}
parindex_status parindex_assessment_load(const char* path, parindex_assessment** out) {
  return load(__func__, out, [&] { return parindex::load_assessment(need(path, "path")); });
}
void parindex_assessment_free(parindex_assessment* assessment) { delete assessment; }

parindex_status parindex_plan_from_json(const char* text, size_t length, const char* source, parindex_plan** out) {
  return load(__func__, out, [&] { return parindex::plan_from_json(text_of(text, length), source_of(source)); });
}
parindex_status parindex_plan_load(const char* path, parindex_plan** out) {
  return load(__func__, out, [&] { return parindex::load_plan(need(path, "path")); });
}
void parindex_plan_free(parindex_plan* plan) { delete plan; }

parindex_status parindex_commitment_from_json(const char* text, size_t length, const char* source,
                                              parindex_commitment** out) {
  return load(__func__, out, [&] { return parindex::commitment_from_json(text_of(text, length), source_of(source)); });
}
parindex_status parindex_commitment_load(const char* path, parindex_commitment** out) {
  return load(__func__, out, [&] { return parindex::load_commitment(need(path, "path")); });
}
void parindex_commitment_free(parindex_commitment* commitment) { delete commitment; }

}  // extern "C"
