# IndentationError: unexpected indent
def f():
    return 1
    print("ok")
      print("too deep")
