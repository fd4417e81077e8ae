"""The planner's widgets, one per module."""
