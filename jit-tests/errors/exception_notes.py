# exception notes (3.11) in tracebacks
try:
    raise ValueError("bad value")
except ValueError as e:
    e.add_note("while processing record 7")
    e.add_note("hint: check the input file")
    raise
