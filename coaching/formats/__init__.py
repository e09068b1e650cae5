"""Dates as people write them in each of the plugin's languages, for Django's
FORMAT_MODULE_PATH (`FORMAT_MODULE_PATH = ["coaching.formats"]`).

Django's own Indonesian formats abbreviate the month ("1 Des. 2026"); Indonesian writes
it out ("1 Desember 2026"), as the Kamus Besar Bahasa Indonesia's examples and every
Indonesian letter do. What is not named here (numbers: 1.234,5; the short date:
01-12-2026; input formats) stays Django's.
"""
