# CPython's argparse, unmodified: parsing, defaults, types, choices, subcommands, --help
# text (to stdout, exit 0) and usage errors (stderr, exit 2).
import argparse

p = argparse.ArgumentParser(prog="tool", description="Process some integers.",
                            epilog="See the docs for more.")
p.add_argument("integers", metavar="N", type=int, nargs="+", help="an integer for the accumulator")
p.add_argument("--sum", dest="accumulate", action="store_const", const=sum, default=max,
               help="sum the integers (default: find the max)")
p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("--mode", choices=["fast", "slow"], default="fast")
p.add_argument("--name", default="world", help="who to greet (default: %(default)s)")
p.add_argument("--flag", action="store_true")
a = p.parse_args(["1", "2", "3", "--sum", "-vv", "--mode", "slow", "--flag"])
print(a.accumulate(a.integers), a.verbose, a.mode, a.flag, a.name)
print(sorted(vars(p.parse_args(["7"])).items(), key=lambda kv: kv[0])[1:])
ns, rest = p.parse_known_args(["4", "--other", "x"])
print(ns.integers, rest)

sub = argparse.ArgumentParser(prog="git")
sp = sub.add_subparsers(dest="cmd", required=True)
c = sp.add_parser("commit", help="record changes")
c.add_argument("-m", "--message", required=True)
c.add_argument("--amend", action="store_true")
ps = sp.add_parser("push", help="update remote")
ps.add_argument("remote", nargs="?", default="origin")
print(sub.parse_args(["commit", "-m", "msg"]))
print(sub.parse_args(["push"]))
for argv in (["commit"], ["pull"], ["push", "a", "b"]):
    try:
        sub.parse_args(argv)
    except SystemExit as e:
        print("exit", e.code)
try:
    p.parse_args(["x"])
except SystemExit as e:
    print("exit", e.code)
p.print_usage()
p.print_help()
sub.parse_args(["commit", "--help"])
