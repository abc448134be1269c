# uncaught KeyboardInterrupt exits with status 130 (after the traceback)
print("raising")
raise KeyboardInterrupt
