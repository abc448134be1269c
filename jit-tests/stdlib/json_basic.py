# json: dumps (indent, sort_keys, separators, ensure_ascii, default), loads and its errors
import json
data = {"name": "pylift", "ver": 3.11, "tags": ["a", "b"], "ok": True, "none": None, "n": 10, "nested": {"x": [1, 2, {"y": "é"}]}}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
print(json.loads(s) == data, json.loads('[1, 2.5, "x\\n", true, null, {"a": -3e2}]'))
print(json.dumps([float("inf"), 1e100, 0.1, -0.0, 10**20]), json.dumps({1: "a", True: "b", None: "c"}))
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print(e)
try:
    json.dumps(object())
except TypeError as e:
    print(e)
for bad in ['{"a": 1,}', '[1 2]', '', '{"a" 1}', 'nul', '"abc']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
print(json.dumps("\u2603 \U0001F600 \t"), json.loads('"\\ud83d\\ude00"'))
class P:
    def __init__(self): self.x = 1
print(json.dumps(P(), default=lambda o: o.__dict__), json.dumps([], indent=4), json.dumps({}, indent=4), json.dumps([[]], indent=1))
for bad in ["[1,]", "[1,,2]", "{\"a\":1,}", "[", "{"]:
    try:
        json.loads(bad)
    except ValueError as e:
        print(e)
