# -i: the prompt follows the script, in its namespace, reading the piped stdin; the
# prompts go to stderr, values echo to stdout.
x = 21
print("script ran")
