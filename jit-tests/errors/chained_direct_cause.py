# explicit chaining: "The above exception was the direct cause of the following exception"
class ParseError(Exception):
    pass
def parse(text):
    try:
        return int(text)
    except ValueError as exc:
        raise ParseError(f"bad number: {text!r}") from exc
print(parse("12"))
parse("1x2")
