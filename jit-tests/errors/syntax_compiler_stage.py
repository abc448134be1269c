# Errors of CPython's compiler stage (here: symtable) show the line read from the file.
print('never runs')
def f():
    x = 1
    global x
