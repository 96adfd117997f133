# ddx_add_derivatives(<target> SOURCES <file.cpp>... [MODE PLUGIN|GENERATE])
#
# Builds the derivatives requested (DDX_TANGENT, DDX_GRADIENT, ...) in the
# given sources of <target>, which must be created in the calling directory.
#
#   MODE PLUGIN    clang++-19 loads the ddx plugin (-fplugin=...) while it
#                  compiles each source: the derivatives are generated and
#                  compiled in the same compile. Needs Clang 19 as the C++
#                  compiler.
#   MODE GENERATE  at build time `ddx gen` writes <name>.ddx.cpp, the source
#                  with its derivatives, which is compiled in the source's
#                  place (the source is marked HEADER_FILE_ONLY). Works with
#                  any C++17 compiler (g++, clang++).
#
# Without MODE: the value of the variable DDX_MODE if set, else PLUGIN when
# the C++ compiler is Clang 19 and the plugin is installed, else GENERATE.
#
# In both modes each source gets a header <name>.ddx.h declaring its
# derivatives, so other translation units can `#include "<name>.ddx.h"`. The
# headers are written to ${CMAKE_CURRENT_BINARY_DIR}/ddx/<target>/ (with the
# generated .ddx.cpp files), which becomes a PUBLIC include directory of
# <target>; <target> also links ddx::headers (PUBLIC) for <ddx/ddx.h>.
#
# `ddx gen` runs with the target's include directories, compile definitions
# and CXX_STANDARD, and with a depfile: editing a source, or any header it
# includes, re-runs ddx gen for that source only. A header is replaced only
# when its text changes, so translation units that include it recompile only
# then.
include_guard(GLOBAL)

# Functions keep the policies in force where they are defined: the depfile
# paths (CMP0116) and the DEPFILE support below need 3.20's behaviour.
cmake_policy(VERSION 3.20)

function(ddx_add_derivatives target)
  set(fn "ddx_add_derivatives(${target})")
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "MODE" "SOURCES")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR
      "${fn}: unexpected arguments '${ARG_UNPARSED_ARGUMENTS}'"
      "; usage: ddx_add_derivatives(<target> SOURCES <file.cpp>... "
      "[MODE PLUGIN|GENERATE])")
  endif()
  if(NOT TARGET "${target}")
    message(FATAL_ERROR "${fn}: '${target}' is not a target; call "
      "ddx_add_derivatives after add_library/add_executable")
  endif()
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "${fn}: no SOURCES given")
  endif()
  get_target_property(type "${target}" TYPE)
  get_target_property(imported "${target}" IMPORTED)
  if(imported OR type STREQUAL "INTERFACE_LIBRARY" OR type STREQUAL "UTILITY")
    message(FATAL_ERROR "${fn}: '${target}' must be an executable or a "
      "library that compiles sources (it is ${type})")
  endif()
  get_target_property(target_dir "${target}" SOURCE_DIR)
  if(NOT target_dir STREQUAL CMAKE_CURRENT_SOURCE_DIR)
    message(FATAL_ERROR "${fn}: call it in the directory that creates "
      "'${target}' (${target_dir}), not in ${CMAKE_CURRENT_SOURCE_DIR}: the "
      "custom commands it adds must be in the target's directory")
  endif()

  # What find_package(ddx) found, from its imported targets (visible where
  # its variables may not be).
  if(NOT TARGET ddx::ddx OR NOT TARGET ddx::headers)
    message(FATAL_ERROR "${fn}: the ddx package is not loaded here; call "
      "find_package(ddx CONFIG REQUIRED) in this directory or a parent")
  endif()
  get_target_property(ddx_exe ddx::ddx IMPORTED_LOCATION)
  set(plugin "")
  if(TARGET ddx::plugin)
    get_target_property(plugin ddx::plugin IMPORTED_LOCATION)
  endif()

  # The mode.
  set(clang19 FALSE)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang"
      AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 19
      AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 20)
    set(clang19 TRUE)
  endif()
  if(ARG_MODE)
    set(mode "${ARG_MODE}")
  elseif(DDX_MODE)
    set(mode "${DDX_MODE}")
  elseif(clang19 AND plugin)
    set(mode PLUGIN)
  else()
    set(mode GENERATE)
  endif()
  string(TOUPPER "${mode}" mode)
  if(NOT mode MATCHES "^(PLUGIN|GENERATE)$")
    message(FATAL_ERROR "${fn}: MODE must be PLUGIN or GENERATE, not '${mode}'")
  endif()
  if(mode STREQUAL "PLUGIN")
    if(NOT clang19)
      message(FATAL_ERROR "${fn}: MODE PLUGIN needs Clang 19 as the C++ "
        "compiler, since the ddx plugin is loaded by clang++-19; this build "
        "uses ${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION} "
        "(${CMAKE_CXX_COMPILER}). Either configure with "
        "-DCMAKE_CXX_COMPILER=clang++-19 (in a new build directory), or use "
        "MODE GENERATE (or, without MODE, -DDDX_MODE=GENERATE), which runs "
        "`ddx gen` at build time and works with any C++17 compiler.")
    endif()
    if(NOT plugin)
      get_filename_component(prefix "${ddx_exe}" DIRECTORY)
      get_filename_component(prefix "${prefix}" DIRECTORY)
      message(FATAL_ERROR "${fn}: MODE PLUGIN needs the ddx plugin, which "
        "this ddx installation (${prefix}) does not have; use MODE GENERATE")
    endif()
  endif()

  set(gen_dir "${CMAKE_CURRENT_BINARY_DIR}/ddx/${target}")
  # ddx gen writes each header here first; it replaces the one in gen_dir
  # only if its text changed.
  set(new_dir "${gen_dir}/new")
  file(MAKE_DIRECTORY "${gen_dir}" "${new_dir}")

  # The flags `ddx gen` parses each source with: what the target compiles it
  # with, as far as it matters to the meaning of the code.
  set(includes
    "$<REMOVE_DUPLICATES:$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>>")
  set(defines "$<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>")
  set(std "$<TARGET_PROPERTY:${target},CXX_STANDARD>")
  set(std_flag "$<$<BOOL:${std}>:-std=c++${std}>")
  set(include_flags "$<$<BOOL:${includes}>:-I$<JOIN:${includes},;-I>>")
  set(define_flags "$<$<BOOL:${defines}>:-D$<JOIN:${defines},;-D>>")

  get_property(names TARGET "${target}" PROPERTY DDX_DERIVATIVE_NAMES)
  set(new_sources)
  foreach(src IN LISTS ARG_SOURCES)
    get_filename_component(abs "${src}" ABSOLUTE)
    get_filename_component(name "${abs}" NAME_WLE)
    get_filename_component(src_dir "${abs}" DIRECTORY)
    if(name IN_LIST names)
      message(FATAL_ERROR "${fn}: a source named '${name}' already has "
        "derivatives in '${target}' (${src}): each <name>.ddx.h must be "
        "unique within a target")
    endif()
    list(APPEND names "${name}")
    file(RELATIVE_PATH rel "${CMAKE_SOURCE_DIR}" "${abs}")
    if(rel MATCHES "^\\.\\./")
      set(rel "${abs}")
    endif()

    set(header "${gen_dir}/${name}.ddx.h")
    set(new_header "${new_dir}/${name}.ddx.h")
    if(mode STREQUAL "GENERATE")
      set(out "${gen_dir}/${name}.ddx.cpp")
      add_custom_command(
        OUTPUT "${out}" "${header}"
        BYPRODUCTS "${new_header}"
        COMMAND ddx::ddx gen "${abs}" -o "${out}" --header "${new_header}"
                --depfile "${out}.d"
                -- "${std_flag}" "${include_flags}" "${define_flags}"
        COMMAND "${CMAKE_COMMAND}" -E copy_if_different
                "${new_header}" "${header}"
        DEPENDS "${abs}" "${ddx_exe}"
        DEPFILE "${out}.d"
        COMMENT "ddx gen ${rel}"
        COMMAND_EXPAND_LISTS VERBATIM)
      set_property(SOURCE "${abs}" TARGET_DIRECTORY "${target}"
        PROPERTY HEADER_FILE_ONLY ON)
      # Quoted includes of the source resolve from its own directory.
      set_property(SOURCE "${out}" TARGET_DIRECTORY "${target}"
        APPEND PROPERTY COMPILE_OPTIONS "-iquote${src_dir}")
      set(compiled "${out}")
      list(APPEND new_sources "${abs}" "${out}" "${header}")
    else()
      # The header for other translation units; the depfile names the
      # first output, which ddx writes.
      add_custom_command(
        OUTPUT "${new_header}" "${header}"
        COMMAND ddx::ddx gen "${abs}" --header "${new_header}"
                --depfile "${new_header}.d"
                -- "${std_flag}" "${include_flags}" "${define_flags}"
        COMMAND "${CMAKE_COMMAND}" -E copy_if_different
                "${new_header}" "${header}"
        DEPENDS "${abs}" "${ddx_exe}"
        DEPFILE "${new_header}.d"
        COMMENT "ddx gen --header ${rel}"
        COMMAND_EXPAND_LISTS VERBATIM)
      set_property(SOURCE "${abs}" TARGET_DIRECTORY "${target}"
        APPEND PROPERTY COMPILE_OPTIONS "-fplugin=${plugin}")
      set_property(SOURCE "${abs}" TARGET_DIRECTORY "${target}"
        APPEND PROPERTY OBJECT_DEPENDS "${plugin}")
      set(compiled "${abs}")
      list(APPEND new_sources "${abs}" "${header}")
    endif()
    # A unity build would compile it inside another file.
    set_property(SOURCE "${compiled}" TARGET_DIRECTORY "${target}"
      PROPERTY SKIP_UNITY_BUILD_INCLUSION ON)
  endforeach()
  set_property(TARGET "${target}" PROPERTY DDX_DERIVATIVE_NAMES "${names}")

  target_sources("${target}" PRIVATE ${new_sources})
  target_include_directories("${target}" PUBLIC "$<BUILD_INTERFACE:${gen_dir}>")
  # PUBLIC linking of ddx::headers, through the properties: either signature
  # of target_link_libraries stays available to the caller.
  get_property(linked TARGET "${target}" PROPERTY LINK_LIBRARIES)
  if(NOT "ddx::headers" IN_LIST linked)
    set_property(TARGET "${target}" APPEND PROPERTY LINK_LIBRARIES ddx::headers)
    set_property(TARGET "${target}" APPEND
      PROPERTY INTERFACE_LINK_LIBRARIES ddx::headers)
  endif()
endfunction()
