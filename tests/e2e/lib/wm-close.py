#!/usr/bin/python3
"""Asks the window titled NAME to close, exactly as a window manager's close
button does (a WM_DELETE_WINDOW client message). Xvfb has no window manager,
so the end-to-end suite sends the message itself."""
import sys

from Xlib import X, display, protocol

from xfind import find


def main():
    name = sys.argv[1]
    d = display.Display()
    target = find(d.screen().root, name)
    if target is None:
        sys.exit(f"no window titled {name!r}")
    protocols = d.intern_atom("WM_PROTOCOLS")
    delete = d.intern_atom("WM_DELETE_WINDOW")
    event = protocol.event.ClientMessage(
        window=target, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
    )
    target.send_event(event, event_mask=X.NoEventMask)
    d.flush()


if __name__ == "__main__":
    main()
