# global and nonlocal edge cases
g = 1
def read_g():
    return g
def shadow_g():
    g = 2
    return g
def write_g():
    global g
    g = 3
print(read_g(), shadow_g(), g)
write_g()
print(g)
def nested_global():
    def inner():
        global g
        g += 10
    inner()
    return g
print(nested_global(), g)
def nonlocal_chain():
    a = 0
    def level1():
        def level2():
            nonlocal a
            a += 5
        level2()
        level2()
    level1()
    return a
print(nonlocal_chain())
def nonlocal_vs_global():
    g = "local g"
    def inner():
        nonlocal g
        g = "changed local g"
    inner()
    return g
print(nonlocal_vs_global(), g)
def loop_var_closure():
    out = []
    for i in range(3):
        def f(i=i):
            return i * 10
        out.append(f)
    return [f() for f in out]
print(loop_var_closure())
def global_declared_in_loop():
    global created_in_loop
    for k in range(3):
        created_in_loop = k
global_declared_in_loop()
print(created_in_loop)
def del_global():
    global to_delete
    del to_delete
to_delete = 1
del_global()
print("to_delete" in globals())
def exec_scope():
    exec("local_from_exec = 1")
    return "local_from_exec" in locals()
print(exec_scope())
