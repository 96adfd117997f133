# -*- Python -*-
import os
import lit.formats

config.name = "ddx"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".ir", ".cpp", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.ddx_obj_root, "test")

config.environment["PATH"] = os.pathsep.join(
    [config.ddx_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])

include_dir = os.path.join(config.ddx_src_root, "include")
inputs_dir = os.path.join(config.test_source_root, "Inputs")
# Flags every derivative is built with: the generated code must be warning-free.
exec_flags = "-std=c++17 -O1 -Wall -Wextra -Werror -I%s -I%s" % (include_dir, inputs_dir)

config.substitutions.append(("%ddx-opt", os.path.join(config.ddx_tools_dir, "ddx-opt")))
config.substitutions.append(("%ddx", os.path.join(config.ddx_tools_dir, "ddx")))
# Loads ddx into clang++: derivatives are generated inside the compile.
config.substitutions.append(("%plugin", "-fplugin=" + config.ddx_plugin))
config.substitutions.append(("%clangxx", config.clangxx))
config.substitutions.append(("%gxx", config.gxx))
config.substitutions.append(("%cxxflags", "-std=c++17 -I%s -I%s" % (include_dir, inputs_dir)))
config.substitutions.append(("%exec_flags", exec_flags))
config.substitutions.append(("%inputs", inputs_dir))
