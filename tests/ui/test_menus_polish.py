"""Menus read in order: Quit last in File, the book's examples by section."""

from explorer.ui.files.file_actions import section_key


def test_quit_is_the_last_entry_of_file_after_a_separator(window):
    actions = window.menus["File"].actions()
    while actions and actions[-1].isSeparator():  # a trailing separator is not drawn
        actions = actions[:-1]
    assert actions[-1].text() == "&Quit" and actions[-2].isSeparator()
    assert sum(a.text() == "&Quit" for a in actions) == 1


def test_examples_are_listed_in_section_order(window):
    titles = [a.text() for a in window.menus["Examples"].actions()]
    sections = [section_key(t) for t in titles]
    assert sections == sorted(sections)
    deep = next(i for i, t in enumerate(titles) if "deep tanh" in t)
    assert all(section_key(t) < (5, 4) for t in titles[:deep])
    assert section_key(titles[deep + 1]) >= (5, 4)
