"""The issue's Chinese wordings are applied: in the translation, in the lessons, on screen."""

from __future__ import annotations

import json
import re

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from explorer.resources import resources_dir
from explorer.ui.shell import i18n
from tests.ui.test_i18n import chinese_window  # noqa: F401 - the fixture

# The table: the awkward wording ("now") never appears, the better one is used.
OLD_WORDINGS = (
    "层面板",
    "组件面板",
    "取值：",
    "添加共享使用",
    "默认 对比",
    "滑动统计量",
    "运行统计量",
    "个张量中的",
    "课程完成：",
    "它们在训练时的行为不同",
)
BETTER = {
    "Palette": "层库",
    "Step": "单步",
    "step": "步数",
    "Add shared use": "再次使用此层（共享参数）",
    "Loaded tensors from {2}: {0} of {1}": "已从 {2} 加载张量：{0}/{1}",
    "Lesson complete: {0}": "已完成课程「{0}」",
    "Held out": "验证集（留出）",
}
QUOTED = re.compile(r"“([^”]+)”")


def zh_lesson_steps() -> list[tuple[str, str, str]]:
    """(file, English text, Chinese text) of every step of every shipped lesson."""
    out = []
    for path in sorted((resources_dir() / "lessons").glob("*.json")):
        for step in json.loads(path.read_text(encoding="utf-8"))["steps"]:
            out.append((path.name, step["text"]["en"], step["text"]["zh_CN"]))
    return out


def plain(label: str) -> str:
    """A menu or button label as read: no mnemonic, no '(&F)'."""
    return re.sub(r"\(&.\)|&", "", label)


def test_no_old_wording_is_left_in_the_translation_or_the_lessons():
    table = i18n.read_ts(i18n.ts_path("zh_CN"))
    texts = list(table.values()) + [zh for _, _, zh in zh_lesson_steps()]
    for old in OLD_WORDINGS:
        assert [t for t in texts if old in t] == [], old
    # 留出 (held out) is always said with what it is: 验证集（留出）
    assert [t for t in texts if re.search(r"(?<!（)留出(?!）)", t)] == []
    for source, better in BETTER.items():
        assert table[source] == better, source


def test_a_label_a_chinese_lesson_quotes_is_the_translation_of_one_its_english_text_names():
    """Lesson 5.4a said “步” for the Step button (单步); quoted menu labels are the zh ones."""
    table = i18n.read_ts(i18n.ts_path("zh_CN"))
    by_translation: dict[str, set[str]] = {}
    for source, text in table.items():
        by_translation.setdefault(plain(text), set()).add(plain(source))
    checked = 0
    for name, en, zh in zh_lesson_steps():
        for quoted in QUOTED.findall(zh):
            for label in quoted.split(" > "):  # a menu path: 运行 > 比较模式
                sources = by_translation.get(label, set())
                assert any(s in en for s in sources), (name, label, sources)
                checked += 1
    assert checked > 30


def test_the_chinese_window_shows_the_better_wordings(chinese_window):  # noqa: F811
    window, _ = chinese_window
    docks = {d.objectName(): d.windowTitle() for d in window.findChildren(QDockWidget)}
    assert "层库" in docks.values() and "层面板" not in docks.values()
    actions = {plain(a.text()) for a in window.findChildren(QAction)}
    assert {"单步", "再次使用此层（共享参数）", "从 state_dict 导入为模型…"} <= actions
    plots = (
        window.part("run_actions").training_view.loss_plot.getPlotItem(),
        window.part("history_view").plot.getPlotItem(),
    )
    assert [p.getAxis("bottom").labelText for p in plots] == ["步数", "步数"]
    assert window.part("run_actions").training_view.buttons["step"].text() == "单步"
    assert window.part("history_view").step_label.text() == "步数"  # its slider, not a button
