# SyntaxError: unterminated string literal
print("fine")
s = "unterminated
