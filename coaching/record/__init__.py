"""The development record: entries of every kind, goals, 1:1s, reviews, kudos and export."""
