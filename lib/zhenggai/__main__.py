"""`python -m zhenggai`: the same command as `zhenggai`."""

from zhenggai.entry import run

if __name__ == "__main__":
    run()
