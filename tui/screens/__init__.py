"""The planner's screens and dialogs."""
