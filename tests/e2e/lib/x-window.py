#!/usr/bin/python3
"""Prints whether the window titled NAME is on screen: "viewable",
"unmapped" (hidden, e.g. in the tray) or "none" (no such window)."""
import sys

from Xlib import X, display

from xfind import find


def main():
    target = find(display.Display().screen().root, sys.argv[1])
    if target is None:
        print("none")
    elif target.get_attributes().map_state == X.IsViewable:
        print("viewable")
    else:
        print("unmapped")


if __name__ == "__main__":
    main()
