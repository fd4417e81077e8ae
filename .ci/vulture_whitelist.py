"""Names vulture cannot see used: Textual reads these attributes, asyncio calls these methods."""

# ruff: noqa: B018
from textual.widget import Widget

Widget.display  # assigned to show or hide a widget; Textual reads it
