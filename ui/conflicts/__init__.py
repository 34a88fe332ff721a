"""The conflict desk: the queue, a view per conflict kind, merges, bulk decisions, and a
user's own conflicts and refused changes."""
