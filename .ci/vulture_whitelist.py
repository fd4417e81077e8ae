"""Names vulture cannot see used: Textual reads these attributes; the registry and the tests reach the rest."""

# ruff: noqa: B018
from textual.widget import Widget

import exporters
from exporters import document
from exporters.dialects import parse_ports
from fwplan import formats

Widget.display  # assigned to show or hide a widget; Textual reads it

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
