"""Names vulture cannot see used: Textual reads these attributes; the registry and the tests reach the rest."""

# ruff: noqa: B018
from textual.css.styles import RenderStyles
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Tree

import exporters
from exporters import document
from exporters.dialects import parse_ports
from fwplan import formats
from tui.widgets.component_tree import ComponentTree

Widget.display  # assigned to show or hide a widget; Textual reads it
Message.control  # overridden by our messages; Textual's @on(..., "#id") selectors read it
Tree.show_root  # set on the component tree; Textual reads these settings
Tree.auto_expand
Tree.guide_depth
RenderStyles.grid_size_columns  # the footer sets its grid; Textual lays it out

# The exporter registry loads these by name (exporters.REGISTRY holds module and attribute).
document.CSV
document.TEXT
document.JSON

# Public API whose callers are the tests and benchmarks: the round-trip readers parse a format's port
# lists back, and the format lists parametrize the golden, option and scope tests.
parse_ports
exporters.router_names
exporters.exporter_names
formats.CORE_FORMATS
ComponentTree.node_for
