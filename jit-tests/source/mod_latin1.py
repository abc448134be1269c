# coding: latin-1
word = "naïve"
