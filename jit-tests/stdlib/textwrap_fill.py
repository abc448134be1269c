# CPython's textwrap (over re): wrap, fill, shorten, dedent, indent, TextWrapper options.
import textwrap

text = ("The quick brown fox jumps over the lazy dog. " * 4).strip()
print(textwrap.wrap(text, width=30))
print(textwrap.fill(text, width=40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten(text, width=50, placeholder=" [...]"))
print(repr(textwrap.dedent("""
    def f():
        return 1
      # comment
""")))
print(textwrap.indent("a\n\nb\n", "> "))
print(textwrap.indent("a\n\nb\n", "> ", lambda line: True))
w = textwrap.TextWrapper(width=12, break_long_words=True, expand_tabs=True, tabsize=4,
                         max_lines=3, placeholder="...")
print(w.wrap("supercalifragilistic\twords and more words here"))
print(textwrap.wrap("hyphen-ated-words-that-break", width=10))
print(textwrap.wrap("hyphen-ated-words-that-break", width=10, break_on_hyphens=False))
print(textwrap.fill("Sentence one.  Sentence two. x", width=15, fix_sentence_endings=True))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.wrap("a b", 10, drop_whitespace=False))
try:
    textwrap.wrap("abc", width=0)
except ValueError as e:
    print("ValueError:", e)
