#!/usr/bin/python3
"""A stand-in for the desktop's notification server and tray host on the
suite's private session bus (Xvfb has neither), so the end-to-end tests can
see what Tillid sends and act as the user would.

  fake-desktop.py serve            own org.freedesktop.Notifications and
                                   org.kde.StatusNotifierWatcher (with a host);
                                   print one JSON line per event; on SIGUSR1,
                                   "click" the latest notification
  fake-desktop.py tray-click LABEL click the tray menu item labelled LABEL
  fake-desktop.py tray-labels      print the tray menu's labels as JSON
"""
import json
import signal
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

NOTIFY = "org.freedesktop.Notifications"
WATCHER = "org.kde.StatusNotifierWatcher"
PROPS = "org.freedesktop.DBus.Properties"


def say(**event):
    print(json.dumps(event), flush=True)


class Notifications(dbus.service.Object):
    def __init__(self, bus):
        super().__init__(bus, "/org/freedesktop/Notifications")
        self.last = 0

    @dbus.service.method(NOTIFY, in_signature="susssasa{sv}i", out_signature="u")
    def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):
        self.last += 1
        say(event="notify", id=self.last, app=str(app), summary=str(summary), body=str(body),
            actions=[str(a) for a in actions])
        return self.last

    @dbus.service.method(NOTIFY, in_signature="", out_signature="as")
    def GetCapabilities(self):
        return ["body", "actions"]

    @dbus.service.method(NOTIFY, in_signature="", out_signature="ssss")
    def GetServerInformation(self):
        return ("fake-desktop", "tillid-e2e", "1", "1.2")

    @dbus.service.method(NOTIFY, in_signature="u", out_signature="")
    def CloseNotification(self, id):
        self.NotificationClosed(id, 3)

    @dbus.service.signal(NOTIFY, signature="us")
    def ActionInvoked(self, id, action):
        pass

    @dbus.service.signal(NOTIFY, signature="uu")
    def NotificationClosed(self, id, reason):
        pass

    def click(self):
        say(event="clicked", id=self.last)
        self.ActionInvoked(dbus.UInt32(self.last), "default")
        return False


class Watcher(dbus.service.Object):
    def __init__(self, bus):
        super().__init__(bus, "/StatusNotifierWatcher")
        self.items = []

    @dbus.service.method(WATCHER, in_signature="s", out_signature="", sender_keyword="sender")
    def RegisterStatusNotifierItem(self, service, sender=None):
        item = service if service.startswith(":") else f"{sender}{service}"
        self.items.append(item)
        say(event="tray-item", item=item)
        self.StatusNotifierItemRegistered(item)

    @dbus.service.method(WATCHER, in_signature="s", out_signature="")
    def RegisterStatusNotifierHost(self, service):
        pass

    @dbus.service.signal(WATCHER, signature="s")
    def StatusNotifierItemRegistered(self, item):
        pass

    def props(self):
        return {
            "RegisteredStatusNotifierItems": dbus.Array(self.items, signature="s"),
            "IsStatusNotifierHostRegistered": dbus.Boolean(True),
            "ProtocolVersion": dbus.Int32(0),
        }

    @dbus.service.method(PROPS, in_signature="ss", out_signature="v")
    def Get(self, interface, name):
        return self.props()[name]

    @dbus.service.method(PROPS, in_signature="s", out_signature="a{sv}")
    def GetAll(self, interface):
        return self.props()


def serve():
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    names = [dbus.service.BusName(NOTIFY, bus), dbus.service.BusName(WATCHER, bus)]
    notifications = Notifications(bus)
    watcher = Watcher(bus)
    loop = GLib.MainLoop()
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGUSR1, notifications.click)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
    say(event="ready")
    loop.run()
    del names, watcher


def menu_items():
    bus = dbus.SessionBus()
    watcher = bus.get_object(WATCHER, "/StatusNotifierWatcher")
    items = watcher.Get(WATCHER, "RegisteredStatusNotifierItems", dbus_interface=PROPS)
    if not items:
        sys.exit("no tray item registered")
    item = str(items[-1])
    service, path = item[: item.index("/")], item[item.index("/"):]
    obj = bus.get_object(service, path)
    menu_path = obj.Get("org.kde.StatusNotifierItem", "Menu", dbus_interface=PROPS)
    menu = bus.get_object(service, menu_path)
    _, layout = menu.GetLayout(0, -1, [], dbus_interface="com.canonical.dbusmenu")
    found = []

    def walk(node):
        id_, props, children = node
        if "label" in props:
            found.append((int(id_), str(props["label"]).replace("_", "")))
        for child in children:
            walk(child)

    walk(layout)
    return menu, found


def main():
    if sys.argv[1] == "serve":
        serve()
    elif sys.argv[1] == "tray-labels":
        print(json.dumps([label for _, label in menu_items()[1]]))
    elif sys.argv[1] == "tray-click":
        menu, found = menu_items()
        ids = [id_ for id_, label in found if label == sys.argv[2]]
        if not ids:
            sys.exit(f"no tray menu item {sys.argv[2]!r} in {found}")
        menu.Event(ids[0], "clicked", dbus.Int32(0, variant_level=1), dbus.UInt32(0),
                   dbus_interface="com.canonical.dbusmenu")


if __name__ == "__main__":
    main()
