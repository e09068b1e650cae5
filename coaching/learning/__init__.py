"""Learning: assignments and step progress; the new hire's portal and the coach dashboard."""
