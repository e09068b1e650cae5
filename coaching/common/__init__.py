"""Shared pieces every feature uses: how people are named, ids from people, user text, pages."""
