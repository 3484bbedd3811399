"""Finding an X window by its title, for the end-to-end helper scripts."""


def find(window, name):
    try:
        if window.get_wm_name() == name:
            return window
    except Exception:  # windows can vanish while we walk the tree
        pass
    for child in window.query_tree().children:
        found = find(child, name)
        if found is not None:
            return found
    return None
