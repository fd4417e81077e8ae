"""The tree of products, device classes and conditional items, each with a check box."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from fwplan.catalog import Catalog
from fwplan.i18n import say
from tui.keymap import Place, bindings
from tui.widgets.rules_table import CONDITIONAL_MARK

CHECKED, UNCHECKED, PARTIAL = "☑", "☐", "◪"
#: What the tree leaves the rule table (inputs, rules, details) on a wide terminal: the full catalog's number,
#: scope, direction, protocol, source and destination (about 50 cells), every port list whole in at most two
#: balanced lines (about 40) and some 30 cells of purpose. At 200 columns the tree gets the other 80, enough
#: for its longest label in either language; narrower, it gets a quarter of the width (at least 20 cells, see
#: planner.tcss) and the details pane names the item under the cursor in full.
TABLE_ROOM = 120


@dataclass(frozen=True, slots=True)
class NodeRef:
    kind: str  # product | component
    id: str


class ComponentTree(Tree[NodeRef]):
    """Space (or enter, or a click) ticks the node under the cursor.

    A product ticks its unconditional components; a conditional one (``*`` before its name) is ticked
    only by its own tick. The guides are two cells deep, not four: at 80 columns the tree is narrow.
    The product's box shows the unconditional ones (all, some, none); ``+N`` after it counts the
    conditional ones ticked too. Unticking a fully ticked product unticks all its components.
    """

    BINDINGS = bindings(Place.TREE)

    class SelectionChanged(Message):
        """The set of ticked components changed."""

        def __init__(self, tree: ComponentTree, selected: tuple[str, ...]) -> None:
            super().__init__()
            self.tree = tree
            self.selected = selected

        @property
        def control(self) -> ComponentTree:
            return self.tree

    def __init__(self, catalog: Catalog, selected: tuple[str, ...], lang: str, **kwargs: Any) -> None:
        super().__init__(say("tree.title", lang), **kwargs)
        self.catalog = catalog
        self.lang = lang
        self._selected: set[str] = set(selected)
        self._node_by_id: dict[str, TreeNode[NodeRef]] = {}
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self._add_nodes()

    # ---- state ----
    @property
    def selected(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.catalog.components if c.id in self._selected)

    def set_selected(self, selected: tuple[str, ...]) -> None:
        """Show another selection (an opened plan) without reporting it as the user's change."""
        self._selected = set(selected)
        self._relabel_all()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.root.set_label(say("tree.title", lang))
        self._relabel_all()

    def state_of(self, ref: NodeRef) -> str:
        if ref.kind == "component":
            return CHECKED if ref.id in self._selected else UNCHECKED
        ids = self._component_ids(ref.id, conditional=False)
        ticked = sum(1 for i in ids if i in self._selected)
        if ticked == len(ids) and ids:
            return CHECKED
        return UNCHECKED if ticked == 0 and not self.conditional_ticked(ref.id) else PARTIAL

    def conditional_ticked(self, product_id: str) -> int:
        """How many of the product's conditional components are ticked."""
        return sum(1 for i in self._component_ids(product_id, conditional=True) if i in self._selected)

    def _component_ids(self, product_id: str, conditional: bool) -> list[str]:
        return [c.id for c in self.catalog.product(product_id).components if c.is_conditional == conditional]

    # ---- width ----
    def get_content_width(self, container: Size, _viewport: Size) -> int:
        """The tree's width (``width: auto``): its longest label, within what the rule table leaves it."""
        frame = self.styles.gutter.width + self.styles.scrollbar_size_vertical
        share = max(container.width // 4, container.width - TABLE_ROOM) - frame
        return min(self.labels_width(), share)

    def labels_width(self) -> int:
        """The widest line the tree can show (its guides, fold mark and label), folded nodes' children included:
        the tree's width does not change as nodes fold."""
        widest = 0
        pending = [(node, 0) for node in self.root.children]
        while pending:
            node, depth = pending.pop()
            widest = max(widest, depth * self.guide_depth + self.get_label_width(node))
            pending.extend((child, depth + 1) for child in node.children)
        return widest

    # ---- building and labels ----
    def _add_nodes(self) -> None:
        for product in self.catalog.products:
            ref = NodeRef("product", product.id)
            product_node = self.root.add(self._label(ref), data=ref, expand=True)
            self._node_by_id[product.id] = product_node
            for component in product.components:
                parent = self._node_by_id[component.parent] if component.parent else product_node
                cref = NodeRef("component", component.id)
                has_children = bool(self.catalog.children(component.id))
                node = (
                    parent.add(self._label(cref), data=cref, expand=True)
                    if has_children
                    else parent.add_leaf(self._label(cref), data=cref)
                )
                self._node_by_id[component.id] = node

    def _label(self, ref: NodeRef) -> Text:
        label = Text(self.state_of(ref))
        if ref.kind == "product":
            extra = self.conditional_ticked(ref.id)
            if extra:
                label.append(f"+{extra}", style="bold")
            label.append(" ")
            label.append(self.catalog.product(ref.id).name.get(self.lang), style="bold")
        else:
            component = self.catalog.component(ref.id)
            label.append(" ")
            # The mark before the name stays in sight where the tree cuts the name; the condition shows in
            # the details pane while the cursor is on the item.
            if component.condition is not None:
                label.append(CONDITIONAL_MARK, style="bold")
            label.append(component.name.get(self.lang))
        return label

    def _relabel(self, ids: list[str]) -> None:
        for item_id in ids:
            node = self._node_by_id[item_id]
            if node.data is None:  # every node the tree adds has its item
                continue
            node.set_label(self._label(node.data))
            node.refresh()  # Tree caches rendered lines

    def _relabel_all(self) -> None:
        self._relabel(list(self._node_by_id))

    # ---- actions ----
    def toggle(self, ref: NodeRef) -> None:
        if ref.kind == "product":
            ids = self._component_ids(ref.id, conditional=False)
            if all(i in self._selected for i in ids):
                ids += self._component_ids(ref.id, conditional=True)
                self._selected.difference_update(ids)
            else:
                self._selected.update(ids)
            changed = [ref.id, *ids]
        else:
            self._selected.symmetric_difference_update({ref.id})
            changed = [ref.id, self.catalog.component(ref.id).product_id]
        self._relabel(changed)
        self.post_message(self.SelectionChanged(self, self.selected))

    def action_toggle_check(self) -> None:
        node = self.cursor_node
        if node is not None and node.data is not None:
            self.toggle(node.data)

    def action_collapse(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded and node.allow_expand:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_expand(self) -> None:
        node = self.cursor_node
        if node is not None and node.allow_expand:
            node.expand()

    def on_tree_node_selected(self, event: Tree.NodeSelected[NodeRef]) -> None:
        event.stop()
        if event.node.data is not None:
            self.toggle(event.node.data)
