# A truncated \x escape in a str literal is a SyntaxError before anything runs.
print('never runs')
ok = '\N{BULLET}'
bad = 'abc\x4g'
