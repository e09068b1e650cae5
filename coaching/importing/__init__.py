"""Importing new hires from a CSV or XLSX file: upload, a dry-run preview, confirm."""
