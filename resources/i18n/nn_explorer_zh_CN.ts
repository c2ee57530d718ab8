<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>LessonsPanel</name>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="48"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="50"/>
        <source>Open the lesson&apos;s example and begin at step 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="58"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="59"/>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="60"/>
        <source>Go to the next step without doing this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="135"/>
        <source>Choose a lesson and press Start. Each lesson opens its example and tells you what to do; it moves on when you have done it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="144"/>
        <source>Lesson complete: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="150"/>
        <source>Step {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="102"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="110"/>
        <source>Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="192"/>
        <source>Cannot edit the model now: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="259"/>
        <source>device {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="260"/>
        <source>{0} params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="263"/>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="271"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="273"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="276"/>
        <source>Undo the last edit (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="277"/>
        <source>Redo (Ctrl+Shift+Z or Ctrl+Y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="283"/>
        <source>&amp;About NN Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="290"/>
        <source>About NN Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="292"/>
        <source>NN Explorer {0}
Build, run and inspect PyTorch models, following Dive into Deep Learning, chapter 5.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutlineView</name>
    <message>
        <location filename="../../explorer/ui/canvas_basic.py" line="41"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/canvas_basic.py" line="41"/>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/canvas_basic.py" line="41"/>
        <source>Output shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/canvas_basic.py" line="41"/>
        <source>Params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/canvas_basic.py" line="46"/>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/canvas_basic.py" line="57"/>
        <source>shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/canvas_basic.py" line="78"/>
        <source>total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <location filename="../../explorer/ui/summary_view.py" line="38"/>
        <source>(shared)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/summary_view.py" line="52"/>
        <source>Total params: {0} · trainable: {1} · non-trainable: {2} · FLOPs: {3} · parameter memory: {4}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="103"/>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="113"/>
        <source>Cannot open {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="117"/>
        <source>Opened {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="130"/>
        <source>Example: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="139"/>
        <source>Save project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="157"/>
        <source>Cannot save {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="163"/>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="172"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="173"/>
        <source>The model has unsaved changes. Save them first?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="38"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="41"/>
        <source>Start an empty model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="47"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="50"/>
        <source>Open a project file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="54"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="57"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="60"/>
        <source>Save the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="66"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="69"/>
        <source>Save the project under a new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="74"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="74"/>
        <source>Close the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="88"/>
        <source>Open the example {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../explorer/ui/language_menu.py" line="12"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/language_menu.py" line="27"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/language_menu.py" line="27"/>
        <source>The new language applies when NN Explorer starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="194"/>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/log_view.py" line="33"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="49"/>
        <source>&amp;File</source>
        <extracomment>Feature modules, installed in this order. Each has ``install(window: MainWindow)``.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="50"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="51"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="52"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="53"/>
        <source>E&amp;xamples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="54"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../explorer/ui/summary_view.py" line="66"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
