# uncaught FileNotFoundError
with open("/nonexistent-dir/missing-file.txt") as f:
    print(f.read())
