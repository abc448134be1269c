# SystemExit runs finally blocks and can be raised directly
import sys
def main():
    try:
        raise SystemExit(4)
    finally:
        print("finally runs before exit")
main()
