import sys
print("pkg main:", __name__, __spec__.name, __spec__.parent, __package__)
print("argv:", [a.replace("\\", "/").rsplit("/", 3)[-3:] if i == 0 else a for i, a in enumerate(sys.argv)])
print("main module:", sys.modules["__main__"].__spec__.name, "mod_runpkg" in sys.modules)
print("path0 is cwd:", sys.path[0] == __import__("os").getcwd())
