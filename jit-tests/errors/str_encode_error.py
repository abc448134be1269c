# uncaught UnicodeEncodeError
text = "naïve"
print(text.encode("utf-8"))
print(text.encode("ascii"))
