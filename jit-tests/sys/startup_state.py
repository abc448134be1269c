# sys start-up state: paths, version facts, flags, info struct sequences (values that do
# not depend on the machine are printed; paths only as facts about them)
import os
import sys

print(os.path.isabs(sys.executable), os.path.exists(sys.executable))
print(sys.prefix == sys.base_prefix, sys.exec_prefix == sys.base_exec_prefix, os.path.isdir(sys.prefix))
print(sys.platlibdir, sys.pycache_prefix, sys.abiflags, type(sys._framework).__name__)
print(sys.argv == [sys.argv[0]], os.path.basename(sys.argv[0]), os.path.basename(sys.orig_argv[-1]))
print(sys.path[0] == os.path.dirname(os.path.abspath(__file__)))
print(all(isinstance(p, str) for p in sys.path))

print(sys.flags)
print(type(sys.flags), type(sys.flags).__name__, sys.flags.optimize, sys.flags[3], len(sys.flags))
print(sys.flags.n_fields, sys.flags.n_sequence_fields, sys.flags.n_unnamed_fields)
try:
    sys.flags.debug = 1
except AttributeError as e:
    print("AttributeError:", e)

v = sys.version_info
print(v)
print(v[:2], v.major, v.minor, v >= (3, 8), v < (4,), isinstance(v, tuple), tuple(v)[3])
print(hex(sys.hexversion), sys.hexversion == (v.major << 24 | v.minor << 16 | v.micro << 8 | 0xF0))
print(sys.version.startswith("%d.%d.%d" % v[:3]), type(sys.version).__name__)
impl = sys.implementation
print(type(impl).__name__, impl.version == v, impl.hexversion == sys.hexversion)
print(impl.cache_tag.endswith("311"), isinstance(impl.name, str), isinstance(impl._multiarch, str))
import types
print(type(impl) is types.SimpleNamespace)
ns = types.SimpleNamespace(a=1, b="x")
print(ns, ns == types.SimpleNamespace(a=1, b="x"), ns.a)

print(sys.platform, sys.byteorder, sys.maxsize, sys.maxunicode)
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
print(sys.int_info)
print(sys.hash_info)
print(sys.thread_info.name, type(sys.thread_info).__name__)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
print(sys.api_version, sys.dont_write_bytecode, sys._xoptions, sys.warnoptions)
print(sys.float_repr_style)

names = sys.builtin_module_names
print(type(names).__name__, list(names) == sorted(names), "sys" in names, "builtins" in names)
print("time" in names, "json" in names)
print(type(sys.stdlib_module_names).__name__, "json" in sys.stdlib_module_names, "collections" in sys.stdlib_module_names)
print("sys" in sys.stdlib_module_names, "not_a_module" in sys.stdlib_module_names)

s = "".join(["inter", "ned"])
t = sys.intern(s)
print(t == "interned", sys.intern(t) is t)
try:
    sys.intern(1)
except TypeError as e:
    print("TypeError:", e)
print(isinstance(sys.copyright, str), isinstance(sys._git, tuple) and len(sys._git) == 3)
