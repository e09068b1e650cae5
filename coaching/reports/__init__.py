"""Onboarding reports in the Wagtail admin, for editors, L&D, HR and coaches.

Each report is an aggregate over the database (a fixed number of queries whatever the
data), filtered by dates, business unit, path and start-date cohort, drawn as a
server-rendered SVG chart beside its data table, and exported to CSV and XLSX with
Wagtail's spreadsheet export. `access.report_scope` decides whose figures a person sees.
"""
