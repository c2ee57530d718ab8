"""The model of the app: pure Python and torch, no Qt.

Everything the GUI does is a function here, so that it can be scripted and tested
without a screen. Heavy modules (torch) are imported inside the submodules that need them.
"""
