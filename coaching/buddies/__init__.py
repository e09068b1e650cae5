"""A buddy for each new hire: a colleague for everyday questions, distinct from a coach."""
