"""Names vulture cannot see used: Textual reads these attributes; the registry loads the rest by name."""

# ruff: noqa: B018
from textual.css.styles import RenderStyles
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Tree

from exporters import document

Widget.display  # assigned to show or hide a widget; Textual reads it
Message.control  # overridden by our messages; Textual's @on(..., "#id") selectors read it
Tree.show_root  # set on the component tree; Textual reads these settings
Tree.auto_expand
Tree.guide_depth
Widget.get_content_width  # the component tree's width (width: auto); Textual's layout calls it
RenderStyles.grid_size_columns  # the footer sets its grid; Textual lays it out

# The exporter registry loads these by name (exporters.REGISTRY holds module and attribute).
document.CSV
document.TEXT
document.JSON
