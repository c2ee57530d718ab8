"""One number format: narrow no-break space grouping everywhere, in both languages."""

from PySide6.QtCore import Qt

from explorer.core.format import THIN, group_digits


def test_training_fields_group_digits_like_the_canvas_and_accept_typing(window, qtbot):
    tv = window.part("run_actions").training_view
    window.show_tab("TrainingTab")
    tv.samples.setValue(30000)
    assert tv.samples.text() == f"30{THIN}000" == group_digits(30000)
    assert "," not in tv.samples.text()
    tv.samples.setFocus()
    tv.samples.lineEdit().selectAll()
    qtbot.keyClicks(tv.samples, "12345")
    qtbot.keyClick(tv.samples, Qt.Key.Key_Return)
    assert tv.samples.value() == 12345 and tv.samples.text() == f"12{THIN}345"


def test_values_table_columns_fit_a_negative_number_in_e_notation(window):
    view = window.part("tensor_view").values.view
    width = view.horizontalHeader().defaultSectionSize()
    assert width >= view.fontMetrics().horizontalAdvance("-1.23457e-05") + 8


def test_a_grouped_number_in_init_labs_rich_text_stays_one_unwrappable_word(window, qtbot):
    from PySide6.QtGui import QTextDocument

    window.show_tab("InitLabTab")
    lab = window.part("init_lab")
    lab.show_parameter("0.weight")  # 5,120 values
    doc = QTextDocument()
    doc.setHtml(lab.stats.text())
    doc.setTextWidth(60)  # narrower than the line: it must wrap, but not inside "5 120"
    doc.size()  # lays the text out
    assert f"5{THIN}120" in doc.toPlainText()  # Qt's HTML reader made it a breakable space
    block = doc.firstBlock()
    lines = [
        block.text()[line.textStart() : line.textStart() + line.textLength()]
        for line in (block.layout().lineAt(i) for i in range(block.layout().lineCount()))
    ]
    assert len(lines) > 2 and any(f"5{THIN}120" in line for line in lines)


def test_a_grouped_number_in_the_log_stays_one_unwrappable_word(window, qtbot):
    window.show_tab("LogTab")
    log = window.part("log_view")
    text = f"Loaded 5{THIN}120 of 7{THIN}946 values"
    window.log_message.emit("info", text)
    log.resize(90, 300)  # narrower than the line: it must wrap, but not inside a number
    block = log.document().lastBlock()
    assert block.text().endswith(text)  # Qt's HTML reader made THIN a breakable space
    layout = block.layout()
    qtbot.waitUntil(lambda: layout.lineCount() > 2)
    lines = [
        block.text()[line.textStart() : line.textStart() + line.textLength()]
        for line in (layout.lineAt(i) for i in range(layout.lineCount()))
    ]
    assert any(f"5{THIN}120" in line for line in lines)
    assert any(f"7{THIN}946" in line for line in lines)
