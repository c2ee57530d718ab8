<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="340"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="343"/>
        <source>Delete the selected layers</source>
        <translation>删除选中的层</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="347"/>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="350"/>
        <source>Insert a copy after the selection</source>
        <translation>在选中内容后插入一个副本</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="354"/>
        <source>&amp;Copy layers</source>
        <translation>复制层(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="357"/>
        <source>Copy the selected layers as JSON</source>
        <translation>以 JSON 格式复制选中的层</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="361"/>
        <source>&amp;Paste layers</source>
        <translation>粘贴层(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="364"/>
        <source>Paste layers after the selection</source>
        <translation>在选中内容后粘贴层</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="368"/>
        <source>&amp;Group into block</source>
        <translation>组合成块(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="371"/>
        <source>Wrap the selection in a nested Sequential</source>
        <translation>把选中内容包进一个嵌套的 Sequential</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="375"/>
        <source>U&amp;ngroup block</source>
        <translation>拆分块(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="378"/>
        <source>Replace the block by its layers</source>
        <translation>用块中的各层替换该块</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="382"/>
        <source>Collapse/expand block</source>
        <translation>折叠/展开块</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="385"/>
        <source>Fold a block to one card</source>
        <translation>把块折叠成一张卡片</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="389"/>
        <source>Add &amp;shared use</source>
        <translation>再次使用此层（共享参数）(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="392"/>
        <source>Use the selected layer again (tied parameters)</source>
        <translation>再次使用选中的层（参数绑定）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="394"/>
        <source>Untie</source>
        <translation>解除绑定</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="394"/>
        <source>Give this use its own parameters</source>
        <translation>让这次使用拥有自己的参数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="397"/>
        <source>Save as my &amp;block…</source>
        <translation>另存为我的块(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="400"/>
        <source>Keep the selection in My blocks</source>
        <translation>把选中内容保存到“我的块”</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="419"/>
        <source>Export &amp;code…</source>
        <translation>导出代码(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="421"/>
        <source>Write a runnable .py that builds this model</source>
        <translation>写出一个构建此模型的可运行 .py 文件</translation>
    </message>
</context>
<context>
    <name>ActivationsView</name>
    <message>
        <location filename="../../explorer/ui/run/activations_view.py"/>
        <source>{0} (call {1})</source>
        <translation>{0}（第 {1} 次调用）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/activations_view.py" line="40"/>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/activations_view.py" line="43"/>
        <source>dead ReLU units (share)</source>
        <translation>死亡 ReLU 单元（占比）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/activations_view.py" line="47"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/activations_view.py" line="49"/>
        <source>Run a forward pass without gradients and summarize each output</source>
        <translation>不计算梯度运行一次前向传播，并汇总每一层的输出</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/activations_view.py" line="89"/>
        <source>Activations: the forward pass failed: {0}</source>
        <translation>激活值：前向传播失败：{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/activations_view.py" line="113"/>
        <source>dead {0}</source>
        <translation>死亡 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/activations_view.py" line="121"/>
        <source>A unit is dead when it outputs 0 for every sample of the batch.</source>
        <translation>若一个单元对批量中的每个样本都输出 0，则它是死亡单元。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/activations_view.py" line="123"/>
        <source>No ReLU layer: no dead units to count.</source>
        <translation>没有 ReLU 层：没有可统计的死亡单元。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/activations_view.py" line="132"/>
        <source>output of {0} {1}, shape {2}</source>
        <translation>{0} {1} 的输出，形状 {2}</translation>
    </message>
</context>
<context>
    <name>DistributionPlot</name>
    <message>
        <location filename="../../explorer/ui/init_lab/init_plots.py"/>
        <source>No values to show</source>
        <translation>没有可显示的值</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_plots.py" line="51"/>
        <source>density</source>
        <translation>密度</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_plots.py" line="52"/>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_plots.py" line="66"/>
        <source>values</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_plots.py" line="67"/>
        <source>theory</source>
        <translation>理论</translation>
    </message>
</context>
<context>
    <name>Examples</name>
    <message>
        <location filename="../../explorer/ui/example_titles.py" line="14"/>
        <source>5.1 nn.Sequential(Linear(20, 256), ReLU(), Linear(256, 10))</source>
        <translation>5.1 nn.Sequential(Linear(20, 256), ReLU(), Linear(256, 10))</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/example_titles.py" line="15"/>
        <source>5.1 class MLP: hidden, relu, out</source>
        <translation>5.1 class MLP：hidden、relu、out</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/example_titles.py" line="16"/>
        <source>5.2 Linear(4, 8), ReLU(), Linear(8, 1)</source>
        <translation>5.2 Linear(4, 8), ReLU(), Linear(8, 1)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/example_titles.py" line="17"/>
        <source>5.2 rgnet: block2() of four block1(), then Linear(4, 1)</source>
        <translation>5.2 rgnet：由四个 block1() 组成的 block2()，再接 Linear(4, 1)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/example_titles.py" line="18"/>
        <source>5.2 parameter tying: the shared Linear(8, 8) at net[2] and net[4]</source>
        <translation>5.2 参数绑定：net[2] 和 net[4] 共享同一个 Linear(8, 8)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/example_titles.py" line="21"/>
        <source>5.3 deferred initialization: LazyLinear(256), ReLU(), LazyLinear(10)</source>
        <translation>5.3 延后初始化：LazyLinear(256), ReLU(), LazyLinear(10)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/example_titles.py" line="24"/>
        <source>5.4 eval(): dropout and batch norm behave differently</source>
        <translation>5.4 eval()：dropout 和批量规范化在训练模式与评估模式下行为不同</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/example_titles.py" line="25"/>
        <source>5.4 class MLP for mlp.params: hidden, relu, output</source>
        <translation>5.4 用于 mlp.params 的 class MLP：hidden、relu、output</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/example_titles.py" line="26"/>
        <source>5.3 deep tanh MLP: default vs Xavier initialization (Init lab, depth probe)</source>
        <translation>5.3 深层 tanh MLP：默认初始化与 Xavier 初始化对比（初始化实验室，深度探测）</translation>
    </message>
</context>
<context>
    <name>GradFlowView</name>
    <message>
        <location filename="../../explorer/ui/gradflow_view.py" line="23"/>
        <source>vanishing</source>
        <translation>消失</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/gradflow_view.py" line="24"/>
        <source>exploding</source>
        <translation>爆炸</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/gradflow_view.py" line="41"/>
        <source>log10 |grad|</source>
        <translation>log10 |grad|</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/gradflow_view.py" line="94"/>
        <source>The model has no parameters.</source>
        <translation>模型没有参数。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/gradflow_view.py" line="97"/>
        <source>Every grad is None: run a backward pass (or a training step) first.</source>
        <translation>所有 grad 都是 None：请先运行一次反向传播（或一步训练）。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/gradflow_view.py" line="101"/>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/gradflow_view.py" line="105"/>
        <source>Wide bars: max |grad|; narrow bars: mean |grad|. </source>
        <translation>宽条：max |grad|；窄条：mean |grad|。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/gradflow_view.py" line="107"/>
        <source>Marked: {0}</source>
        <translation>已标记：{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/gradflow_view.py" line="109"/>
        <source>No layer is vanishing or exploding.</source>
        <translation>没有层出现梯度消失或爆炸。</translation>
    </message>
</context>
<context>
    <name>Heatmap</name>
    <message>
        <location filename="../../explorer/ui/plots/heatmap.py" line="83"/>
        <source>[{0}:{1}, {2}:{3}] largest |value| = {4}</source>
        <translation>[{0}:{1}, {2}:{3}] 最大 |值| = {4}</translation>
    </message>
</context>
<context>
    <name>HistogramPlot</name>
    <message>
        <location filename="../../explorer/ui/plots/histogram.py" line="44"/>
        <source>log10(1 + count)</source>
        <translation>log10(1 + 计数)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/plots/histogram.py" line="44"/>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/plots/histogram.py" line="46"/>
        <source>(every {0}th value)</source>
        <translation>（每 {0} 个值取一个）</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>Train the model: each step&apos;s loss is drawn here.</source>
        <translation>训练模型：每步的损失画在这里。</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>At step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/history_view.py" line="40"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/history_view.py" line="41"/>
        <source>Forget the recorded history</source>
        <translation>清除已记录的历史</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/history_view.py" line="43"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/history_view.py" line="45"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/history_view.py" line="49"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/history_view.py" line="50"/>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/history_view.py" line="66"/>
        <source>Train the model: each parameter&apos;s percentiles are recorded at display rate.</source>
        <translation>训练模型：每个参数的百分位数按显示刷新频率记录。</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>尚无训练记录</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/history_view.py" line="136"/>
        <source>step {0}: {1}</source>
        <translation>第 {0} 步：{1}</translation>
    </message>
</context>
<context>
    <name>InitForm</name>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="82"/>
        <source>Selected parameter</source>
        <translation>选中的参数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="83"/>
        <source>Selected layers</source>
        <translation>选中的层</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="84"/>
        <source>Every layer of type</source>
        <translation>该类型的所有层</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="85"/>
        <source>Whole model</source>
        <translation>整个模型</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="93"/>
        <source>weights and biases</source>
        <translation>权重和偏置</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="94"/>
        <source>weights only</source>
        <translation>仅权重</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="95"/>
        <source>biases only</source>
        <translation>仅偏置</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="98"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="110"/>
        <source>PyTorch default (reset_parameters)</source>
        <translation>PyTorch 默认（reset_parameters）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="112"/>
        <source>Custom (Python function)…</source>
        <translation>自定义（Python 函数）…</translation>
    </message>
    <message>
        <source>Custom code…</source>
        <translation>自定义代码…</translation>
    </message>
    <message>
        <source>Book: my_init</source>
        <translation>书中：my_init</translation>
    </message>
    <message>
        <source>Book: init_42</source>
        <translation>书中：init_42</translation>
    </message>
    <message>
        <source>Per-tensor example</source>
        <translation>逐张量示例</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="113"/>
        <source>Scheme</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="117"/>
        <source>torch.manual_seed(seed) runs first: same seed, same values</source>
        <translation>先运行 torch.manual_seed(seed)：相同的种子，相同的值</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="118"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="135"/>
        <source>Run a forward now</source>
        <translation>立即运行一次前向传播</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="138"/>
        <source>One forward pass on a random input of the model&apos;s input shape</source>
        <translation>在符合模型输入形状的随机输入上运行一次前向传播</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="149"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="151"/>
        <source>Compute the values and show them; change nothing</source>
        <translation>计算并显示这些值；不做任何修改</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="152"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="154"/>
        <source>Initialize the target (undo with Ctrl+Z)</source>
        <translation>初始化目标（用 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="159"/>
        <source>Same values as plain PyTorch:</source>
        <translation>与纯 PyTorch 得到相同值的代码：</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="195"/>
        <source>⚠ This code runs as Python on your computer, with your permissions. Run only code you trust. It runs on a copy of the model after torch.manual_seed(seed); the model changes only if it finishes. def f(m) is called on every module (net.apply(f)); def f(name, tensor) on each targeted parameter. torch, nn, math and net (the copy) are defined; the last function defined is the one called.</source>
        <translation>⚠ 这段代码会以 Python 在你的计算机上、以你的权限运行。只运行你信任的代码。它在 torch.manual_seed(seed) 之后作用于模型的副本；只有顺利完成时模型才会改变。def f(m) 会在每个模块上调用（net.apply(f)）；def f(name, tensor) 会在每个目标参数上调用。已定义 torch、nn、math 和 net（副本）；调用的是最后定义的那个函数。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="208"/>
        <source>Book: my_init (uniform on (-10, 10), zero |w| &lt; 5)</source>
        <translation>书中：my_init（(-10, 10) 上均匀分布，|w| &lt; 5 置零）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="209"/>
        <source>Book: init_42 (constant 42)</source>
        <translation>书中：init_42（常数 42）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="210"/>
        <source>Per tensor: def my_init(name, tensor)</source>
        <translation>逐张量：def my_init(name, tensor)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="306"/>
        <source>(no arguments)</source>
        <translation>（无参数）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_form.py" line="308"/>
        <source>each layer&apos;s own reset_parameters(), as at construction</source>
        <translation>每层自己的 reset_parameters()，与构造时相同</translation>
    </message>
</context>
<context>
    <name>InitLab</name>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="63"/>
        <source>The parameter shown (follows the selection)</source>
        <translation>显示的参数（跟随选择）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="76"/>
        <source>Values of</source>
        <translation>查看张量：</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="137"/>
        <source>lazy</source>
        <translation>延后</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="189"/>
        <source>{0} lazy: shapes exist only after the first forward pass, so they cannot be initialized yet.</source>
        <translation>{0} 为延后初始化：形状在第一次前向传播后才确定，所以暂时还不能初始化。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="201"/>
        <source>→ {0} tensor(s): {1}</source>
        <translation>→ {0} 个张量：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="205"/>
        <source>torch.manual_seed({0}), then your function on a copy of the model; the values of the {1} targeted tensor(s) are copied in if it finishes.</source>
        <translation>先 torch.manual_seed({0})，再在模型副本上运行你的函数；顺利完成后，{1} 个目标张量的值会被复制回模型。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="222"/>
        <source>No parameters in this model.</source>
        <translation>此模型没有参数。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="230"/>
        <source>{0} is not initialized yet (lazy layer): its shape is known only after the first forward pass.</source>
        <translation>{0} 尚未初始化（延后初始化的层）：它的形状在第一次前向传播后才确定。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="238"/>
        <source>preview (not applied)</source>
        <translation>预览（未应用）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="238"/>
        <source>current values</source>
        <translation>当前值</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="243"/>
        <source>custom code: no theory to compare with, values only</source>
        <translation>自定义代码：没有可对比的理论，只显示值</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="264"/>
        <source>values: {0}</source>
        <translation>值：{0}</translation>
    </message>
    <message>
        <source>{0} is not in the target: Apply leaves it as it is</source>
        <translation>{0} 不在目标中：“应用”不会改变它</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="273"/>
        <source>&lt;b&gt;theory&lt;/b&gt; ({0}):</source>
        <translation>&lt;b&gt;理论&lt;/b&gt;（{0}）：</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="276"/>
        <source>no closed-form density drawn</source>
        <translation>未绘制闭式密度</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="280"/>
        <source>&lt;b&gt;observed&lt;/b&gt;: mean {0} · std {1} · min {2} · max {3}</source>
        <translation>&lt;b&gt;观测&lt;/b&gt;：均值 {0} · 标准差 {1} · 最小 {2} · 最大 {3}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="287"/>
        <source>consistent with the theory</source>
        <translation>与理论一致</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="289"/>
        <source>does not fit the theory</source>
        <translation>与理论不符</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="293"/>
        <source> on a random {0} of them</source>
        <translation>（随机取其中 {0} 个）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="300"/>
        <source>&lt;b&gt;Kolmogorov-Smirnov&lt;/b&gt; D = {0}{1}{2} (1 % critical value {3}): &lt;span style=&apos;color:{4}&apos;&gt;{5}&lt;/span&gt;</source>
        <translation>&lt;b&gt;Kolmogorov-Smirnov&lt;/b&gt; D = {0}{1}{2}（1% 临界值 {3}）：&lt;span style=&apos;color:{4}&apos;&gt;{5}&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="313"/>
        <source>Choose a parameter first.</source>
        <translation>请先选择一个参数。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="317"/>
        <source>{0}: changed {1} of {2} targeted tensor(s)</source>
        <translation>{0}：{2} 个目标张量中改变了 {1} 个</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="321"/>
        <source>printed:</source>
        <translation>打印输出：</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="334"/>
        <source>Custom init failed, nothing changed: {0}</source>
        <translation>自定义初始化失败，未做任何修改：{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="354"/>
        <source>Preview of {0} tensor(s); the model is unchanged</source>
        <translation>预览 {0} 个张量；模型未改变</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="362"/>
        <source>Cannot initialize now: {0}</source>
        <translation>现在无法初始化：{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="371"/>
        <source>Initialize {0} tensor(s) with {1}</source>
        <translation>用 {1} 初始化 {0} 个张量</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="374"/>
        <source>{0} (seed {1}): {2}</source>
        <translation>{0}（种子 {1}）：{2}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="396"/>
        <source>Ran one forward on a random input {0}; lazy layers now have shapes: {1}</source>
        <translation>已在随机输入 {0} 上运行一次前向传播；延后初始化的层现在有了形状：{1}</translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message>
        <location filename="../../explorer/ui/files/import_options_dialog.py"/>
        <source>Import {0}</source>
        <translation>导入 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/files/import_options_dialog.py"/>
        <source>A state dict holds no layers without parameters and no input shape: what is chosen here is marked as guessed.</source>
        <translation>state dict 不含无参数的层，也不含输入形状：这里的选择会被标记为推测。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/files/import_options_dialog.py"/>
        <source>Put in index gaps and between named Linear layers (relu: the book's MLP)</source>
        <translation>放在编号空缺处和命名的 Linear 层之间（relu：书中的 MLP）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/files/import_options_dialog.py"/>
        <source>Between layers</source>
        <translation>层之间</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/files/import_options_dialog.py"/>
        <source>from the first layer, e.g. 1,3,32,32</source>
        <translation>由第一层推出，例如 1,3,32,32</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/files/import_options_dialog.py"/>
        <source>Input shape</source>
        <translation>输入形状</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/files/import_options_dialog.py"/>
        <source>The input shape must be positive whole numbers, like 1,3,32,32</source>
        <translation>输入形状必须是正整数，例如 1,3,32,32</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/files/import_options_dialog.py"/>
        <source>Cannot import: {0}</source>
        <translation>无法导入：{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/files/import_options_dialog.py"/>
        <source>layers: {0} · input {1} · guesses (marked on the layers): {2}</source>
        <translation>层数：{0} · 输入 {1} · 推测（标记在层上）：{2}</translation>
    </message>
</context>
<context>
    <name>InspectDialog</name>
    <message>
        <location filename="../../explorer/ui/inspect_dialog.py" line="30"/>
        <source>Inspect {0}</source>
        <translation>查看 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/inspect_dialog.py" line="33"/>
        <source>{0}: {1}, {2} tensors, {3}</source>
        <translation>{0}：{1}，{2} 个张量，{3}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/inspect_dialog.py" line="44"/>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/inspect_dialog.py" line="44"/>
        <source>shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/inspect_dialog.py" line="44"/>
        <source>dtype</source>
        <translation>dtype</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/inspect_dialog.py" line="44"/>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/inspect_dialog.py" line="44"/>
        <source>size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/inspect_dialog.py" line="67"/>
        <source>Open in tensor inspector</source>
        <translation>在张量查看器中打开</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/inspect_dialog.py" line="68"/>
        <source>Show the selected tensor (or double-click it)</source>
        <translation>显示选中的张量（或双击它）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/inspect_dialog.py" line="93"/>
        <source>Select a tensor to open it</source>
        <translation>选择一个张量以打开它</translation>
    </message>
</context>
<context>
    <name>LessonsPanel</name>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="71"/>
        <source>One lesson per section of chapter 5</source>
        <translation>第 5 章每一节一个课程</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="72"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="74"/>
        <source>Open the lesson&apos;s example and begin at step 1</source>
        <translation>打开本课的示例，从第 1 步开始</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="84"/>
        <source>The lesson&apos;s steps; click one to go there</source>
        <translation>课程的步骤；点击某一步即可跳转</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="96"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="98"/>
        <source>Go to the previous step</source>
        <translation>回到上一步</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="99"/>
        <location filename="../../explorer/ui/lessons_panel.py" line="305"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="140"/>
        <source>Lesson not loaded: {0}</source>
        <translation>课程未加载：{0}</translation>
    </message>
    <message>
        <source>{0}: the lesson id {1} is taken</source>
        <translation>{0}：课程 id {1} 已被占用</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="142"/>
        <source>{0} lesson file(s) could not be loaded (see the Log tab)</source>
        <translation>{0} 个课程文件无法加载（见“日志”页）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="165"/>
        <source>The lesson&apos;s example {0} is missing</source>
        <translation>缺少课程的示例 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="333"/>
        <source>Lesson step points at {0}, which this window does not have</source>
        <translation>课程步骤指向 {0}，但此窗口中没有该控件</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="280"/>
        <source>Choose a lesson and press Start. Each lesson opens its example and tells you what to do; it moves on when you have done it.</source>
        <translation>选择一课并按“开始”。每课会打开它的示例并告诉你要做什么；做完后自动进入下一步。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="295"/>
        <source>Lesson complete: {0}</source>
        <translation>已完成课程「{0}」</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="297"/>
        <source>✓ Done: all {0} steps</source>
        <translation>✓ 完成：全部 {0} 步</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="300"/>
        <source>Next lesson</source>
        <translation>下一课</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="301"/>
        <source>Start the next lesson</source>
        <translation>开始下一课</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="307"/>
        <source>Skip to the next step (steps move on by themselves when done)</source>
        <translation>跳到下一步（完成后会自动进入下一步）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="312"/>
        <source>✓ Step {0} of {1}: done</source>
        <translation>✓ 第 {0} 步（共 {1} 步）：已完成</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="316"/>
        <source>✓ Step {0} done. Step {1} of {2}</source>
        <translation>✓ 第 {0} 步已完成。第 {1} 步（共 {2} 步）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="322"/>
        <source>Step {0} of {1}</source>
        <translation>第 {0} 步，共 {1} 步</translation>
    </message>
</context>
<context>
    <name>LoadReportDialog</name>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="22"/>
        <source>match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="23"/>
        <source>wrong shape</source>
        <translation>形状不符</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="24"/>
        <source>missing in file</source>
        <translation>文件中缺失</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="25"/>
        <source>not in model</source>
        <translation>模型中没有</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="26"/>
        <source>lazy, not initialized</source>
        <translation>延后，尚未初始化</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="38"/>
        <source>tied in the model, differs in the file</source>
        <translation>模型中已绑定，文件中不同</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="47"/>
        <source>file {0}, model {1}</source>
        <translation>文件 {0}，模型 {1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="58"/>
        <source>run a forward pass first</source>
        <translation>请先运行一次前向传播</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="71"/>
        <source>Load weights from {0}</source>
        <translation>从 {0} 加载权重</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="76"/>
        <source>Read from {0}.</source>
        <translation>读取自 {0}。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="79"/>
        <source>{0} tensors change dtype when copied into the model.</source>
        <translation>{0} 个张量在复制进模型时会改变 dtype。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="87"/>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="87"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="87"/>
        <source>detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="91"/>
        <source>saved on {0}</source>
        <translation>保存时位于 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="96"/>
        <source>Load all (strict)</source>
        <translation>全部加载（严格）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="99"/>
        <source>Every key matches: load them all</source>
        <translation>所有键都匹配：全部加载</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="101"/>
        <source>Not every key matches, so a strict load would change nothing</source>
        <translation>并非所有键都匹配，严格加载不会改变任何东西</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="103"/>
        <source>Load matching only</source>
        <translation>只加载匹配的</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/load_report_dialog.py" line="106"/>
        <source>Load the matching keys, leave the others as they are</source>
        <translation>加载匹配的键，其余保持不变</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Settings are not kept: {0} is not a regular file.</source>
        <translation>设置不会被保存：{0} 不是普通文件。</translation>
    </message>
    <message>
        <source>Cannot open the model: {0}</source>
        <translation>无法打开模型：{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="107"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="115"/>
        <source>Panels</source>
        <translation>面板</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="201"/>
        <source>Cannot edit the model now: {0}</source>
        <translation>现在无法编辑模型：{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="268"/>
        <source>device {0}</source>
        <translation>设备 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="269"/>
        <source>{0} params</source>
        <translation>{0} 个参数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="302"/>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="310"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="312"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="315"/>
        <source>Undo the last edit (Ctrl+Z)</source>
        <translation>撤销上一次编辑 (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="316"/>
        <source>Redo (Ctrl+Shift+Z or Ctrl+Y)</source>
        <translation>重做 (Ctrl+Shift+Z 或 Ctrl+Y)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="324"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="325"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="331"/>
        <source>Undo {0} (Ctrl+Z)</source>
        <translation>撤销：{0} (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="334"/>
        <source>Redo {0} (Ctrl+Shift+Z)</source>
        <translation>重做：{0} (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="338"/>
        <source>&amp;About NN Explorer</source>
        <translation>关于 NN Explorer(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="348"/>
        <source>About NN Explorer</source>
        <translation>关于 NN Explorer</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="350"/>
        <source>NN Explorer {0}
Build, run and inspect PyTorch models, following Dive into Deep Learning, chapter 5.</source>
        <translation>NN Explorer {0}
构建、运行并查看 PyTorch 模型，配合《动手学深度学习》第 5 章。</translation>
    </message>
</context>
<context>
    <name>OutputView</name>
    <message>
        <location filename="../../explorer/ui/output_view.py" line="93"/>
        <source>Press Forward (F5) to run the model on its input; Run &gt; Compare modes puts train() and eval() side by side.</source>
        <translation>按“前向传播”(F5) 在输入上运行模型；“运行 &gt; 比较模式”把 train() 和 eval() 并排对比。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/output_view.py" line="99"/>
        <location filename="../../explorer/ui/output_view.py" line="122"/>
        <source>output = net(X)</source>
        <translation>output = net(X)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/output_view.py" line="100"/>
        <source>Same batch, train() vs eval()</source>
        <translation>同一批量，train() 对比 eval()</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/output_view.py" line="128"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/output_view.py" line="130"/>
        <source>output = net(X) · shape {0} · grad_fn {1} · {2} mode</source>
        <translation>output = net(X) · 形状 {0} · grad_fn {1} · {2} 模式</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/output_view.py" line="148"/>
        <source>The outputs are identical: this model has no dropout or batch norm.</source>
        <translation>输出完全相同：此模型没有 dropout 或批量规范化。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/output_view.py" line="151"/>
        <source>Largest difference {0}: dropout zeroes and rescales in train(); batch norm uses the batch&apos;s statistics in train() and running statistics in eval().</source>
        <translation>最大差异 {0}：dropout 在 train() 中置零并重新缩放；批量规范化在 train() 中使用本批量的统计量，在 eval() 中使用移动平均统计量。</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <location filename="../../explorer/ui/palette.py" line="31"/>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/palette.py" line="32"/>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/palette.py" line="33"/>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/palette.py" line="34"/>
        <source>Pooling</source>
        <translation>汇聚</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/palette.py" line="35"/>
        <source>Normalization</source>
        <translation>规范化</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/palette.py" line="36"/>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/palette.py" line="37"/>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/palette.py" line="79"/>
        <source>Filter layers…</source>
        <translation>筛选层…</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/palette.py" line="103"/>
        <source>My blocks</source>
        <translation>我的块</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/palette.py" line="149"/>
        <source>My block, saved in {0}</source>
        <translation>我的块，保存在 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/palette.py" line="166"/>
        <source>Delete this block</source>
        <translation>删除这个块</translation>
    </message>
</context>
<context>
    <name>ParamTree</name>
    <message>
        <location filename="../../explorer/ui/param_tree.py" line="32"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/param_tree.py" line="33"/>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/param_tree.py" line="34"/>
        <source>dtype</source>
        <translation>dtype</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/param_tree.py" line="35"/>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/param_tree.py" line="36"/>
        <source>requires_grad</source>
        <translation>requires_grad</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/param_tree.py" line="37"/>
        <source>numel</source>
        <translation>numel</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/param_tree.py" line="38"/>
        <source>grad</source>
        <translation>grad</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/param_tree.py" line="79"/>
        <source>Show what state_dict() prints for the selected layer, or the whole model</source>
        <translation>显示选中的层（或整个模型）的 state_dict() 打印结果</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/param_tree.py" line="127"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/param_tree.py" line="156"/>
        <source>The same module as {0}: its tensors are listed there</source>
        <translation>与 {0} 是同一个模块：它的张量列在那里</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/param_tree.py" line="210"/>
        <source>Tied: one {0} under {1} names, counted once</source>
        <translation>已绑定：一个 {0}，有 {1} 个名称，只计一次</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/param_tree.py" line="219"/>
        <source>Buffer: in state_dict(), not in parameters(); not trained</source>
        <translation>缓冲区：在 state_dict() 中，不在 parameters() 中；不参与训练</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/param_tree.py" line="223"/>
        <source>UninitializedParameter: the shape is known after the first forward</source>
        <translation>UninitializedParameter：形状在第一次前向传播后确定</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/param_tree.py" line="230"/>
        <source>{0} parameters ({1} trainable)</source>
        <translation>{0} 个参数（{1} 个可训练）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/param_tree.py" line="234"/>
        <source> · {0} buffer values</source>
        <translation> · {0} 个缓冲区值</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/param_tree.py" line="236"/>
        <source> · {0} uninitialized</source>
        <translation> · {0} 个未初始化</translation>
    </message>
</context>
<context>
    <name>ProbePanel</name>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="71"/>
        <source>Rows of the random input batch</source>
        <extracomment>(key, scheme, args) of the schemes offered; the labels are in ProbePanel._label.</extracomment>
        <translation>随机输入批量的行数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="72"/>
        <source>batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="74"/>
        <source>Run probe</source>
        <translation>运行探测</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="78"/>
        <source>On a copy: each scheme, then one forward on x ~ N(0, 1) and a backward of a random unit-variance gradient at the output</source>
        <translation>在副本上：依次用每种方法初始化，然后在 x ~ N(0, 1) 上做一次前向传播，并从输出处反向传播一个单位方差的随机梯度</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="83"/>
        <source>Open the deep tanh MLP example</source>
        <translation>打开深层 tanh MLP 示例</translation>
    </message>
    <message>
        <source>Example: deep tanh MLP</source>
        <translation>示例：深层 tanh MLP</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="86"/>
        <source>10 × (Linear(64, 64), Tanh), then Linear(64, 10): default vs Xavier</source>
        <translation>10 × (Linear(64, 64), Tanh)，再接 Linear(64, 10)：默认初始化与 Xavier 初始化对比</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="95"/>
        <source>Run probe: vanishing or exploding signals show here before any training. Try the deep tanh MLP: PyTorch default vs Xavier with gain 5/3.</source>
        <translation>运行探测：在任何训练之前，信号消失或爆炸就会显示在这里。试试深层 tanh MLP：PyTorch 默认初始化与增益为 5/3 的 Xavier 初始化对比。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="111"/>
        <source>current values</source>
        <translation>当前值</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="112"/>
        <source>PyTorch default</source>
        <translation>PyTorch 默认</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="113"/>
        <source>xavier_uniform_, gain 1</source>
        <translation>xavier_uniform_，增益 1</translation>
    </message>
    <message>
        <source>xavier_uniform_</source>
        <translation>xavier_uniform_</translation>
    </message>
    <message>
        <source>xavier_uniform_ (tanh)</source>
        <translation>xavier_uniform_（tanh）</translation>
    </message>
    <message>
        <source>xavier_normal_</source>
        <translation>xavier_normal_</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="114"/>
        <source>xavier_uniform_, gain 5/3 (tanh)</source>
        <translation>xavier_uniform_，增益 5/3（tanh）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="115"/>
        <source>xavier_normal_, gain 1</source>
        <translation>xavier_normal_，增益 1</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="116"/>
        <source>kaiming_normal_ (relu)</source>
        <translation>kaiming_normal_（relu）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="117"/>
        <source>normal_, std 0.01</source>
        <translation>normal_，std 0.01</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="118"/>
        <source>orthogonal_</source>
        <translation>orthogonal_</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="119"/>
        <source>the scheme in the form</source>
        <translation>表单中的方法</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="128"/>
        <source>The probe compares built-in schemes, not custom code.</source>
        <translation>探测只比较内置方法，不比较自定义代码。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="170"/>
        <source>not enough layers to compare</source>
        <translation>层数不足，无法比较</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="172"/>
        <source>shrinking with depth (vanishing)</source>
        <translation>随深度减小（消失）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="174"/>
        <source>growing with depth (exploding)</source>
        <translation>随深度增大（爆炸）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="176"/>
        <source>about constant</source>
        <translation>基本不变</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_probe_view.py" line="179"/>
        <source>&lt;b style=&apos;color:{0}&apos;&gt;{1}&lt;/b&gt; {2}: last/first activation std {3}: {4}</source>
        <translation>&lt;b style=&apos;color:{0}&apos;&gt;{1}&lt;/b&gt; {2}：末层/首层激活值标准差 {3}：{4}</translation>
    </message>
</context>
<context>
    <name>PropertiesPane</name>
    <message>
        <location filename="../../explorer/ui/properties.py" line="97"/>
        <source>Model input</source>
        <translation>模型输入</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="100"/>
        <source>Input shape, e.g. 2, 20 (batch first)</source>
        <translation>输入形状，例如 2, 20（批量维在前）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="104"/>
        <source>shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="106"/>
        <source>dtype</source>
        <translation>dtype</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="111"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="176"/>
        <source>layers selected: {0}</source>
        <translation>已选中 {0} 个层</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="176"/>
        <source>Select a layer</source>
        <translation>选择一个层</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="180"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="181"/>
        <source>(its index)</source>
        <translation>（它的索引）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="204"/>
        <source>a number, or {0} numbers</source>
        <translation>一个数，或 {0} 个数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>一个数</translation>
    </message>
    <message>
        <source>a number, same or valid</source>
        <translation>一个数、same 或 valid</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="205"/>
        <source>numbers separated by commas</source>
        <translation>用逗号分隔的数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="206"/>
        <source>a number, {0} numbers, same or valid</source>
        <translation>一个数、{0} 个数、same 或 valid</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="207"/>
        <source>a whole number, or empty for None</source>
        <translation>一个整数，留空表示 None</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="208"/>
        <source>a number, or empty for None</source>
        <translation>一个数，留空表示 None</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="233"/>
        <source>{0} · Sequential · children: {1}</source>
        <translation>{0} · Sequential · 子模块：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="239"/>
        <source> · tied: editing changes every use</source>
        <translation> · 已绑定：编辑会改变每一处使用</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="269"/>
        <source>Rename to {0}</source>
        <translation>重命名为 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="269"/>
        <source>index</source>
        <translation>索引</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="275"/>
        <source>Set {0}</source>
        <translation>设置 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="296"/>
        <source>must be positive whole numbers, like 2, 20</source>
        <translation>必须是正整数，例如 2, 20</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="304"/>
        <source>Set input</source>
        <translation>设置输入</translation>
    </message>
</context>
<context>
    <name>RunActions</name>
    <message>
        <source>The loss of Backward, Step and Train (the same as the Training tab&apos;s)</source>
        <translation>反向传播、更新一步和训练使用的损失（与训练页相同）</translation>
    </message>
    <message>
        <source>torch.manual_seed: the weights of a model when it is opened or made new, the input, the batch order and dropout</source>
        <translation>torch.manual_seed：打开或新建模型时的权重、输入、批次顺序和 dropout</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="21"/>
        <source>sum of outputs</source>
        <translation>输出之和</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="22"/>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="23"/>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="24"/>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="25"/>
        <source>BCE with logits</source>
        <translation>BCE with logits</translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <source>Step ({0}, lr {1}): parameters moved by {2}; gradients of {3}</source>
        <translation>更新一步（{0}，学习率 {1}）：参数移动了 {2}；梯度来自 {3}</translation>
    </message>
    <message>
        <source>Backward: loss {0} ({4}); grad norm {1} -&gt; {2}{3}</source>
        <translation>反向传播：损失 {0}（{4}）；梯度范数 {1} -&gt; {2}{3}</translation>
    </message>
    <message>
        <source>{0} against a random target (seed {1}; Tensor tab: target)</source>
        <translation>{0}，目标为随机目标（种子 {1}；张量页：target）</translation>
    </message>
    <message>
        <source>{0} against the dataset&apos;s first targets</source>
        <translation>{0}，目标为数据集的前几个目标</translation>
    </message>
    <message>
        <source>{0} (no target)</source>
        <translation>{0}（无目标）</translation>
    </message>
    <message>
        <source>; train() mode updated the batch-norm running statistics: the state_dict changed</source>
        <translation>；train() 模式更新了批量规范化的移动平均统计量：state_dict 已改变</translation>
    </message>
    <message>
        <source>; lazy layers took their shapes: the state_dict changed</source>
        <translation>；惰性层得到了形状：state_dict 已改变</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="118"/>
        <source>Forward: output {0}{1}</source>
        <translation>前向传播：输出 {0}{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="120"/>
        <source>, grad_fn={0}</source>
        <translation>, grad_fn={0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="128"/>
        <source>a forward pass is running</source>
        <translation>正在运行前向传播</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="134"/>
        <location filename="../../explorer/ui/run_controller.py" line="161"/>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="136"/>
        <source>Backward: loss {0}; grad norm {1} -&gt; {2}{3}</source>
        <translation>反向传播：损失 {0}；梯度范数 {1} -&gt; {2}{3}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="140"/>
        <source> (zeroed first)</source>
        <translation>（已先清零）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="142"/>
        <source> (gradients accumulate: press Zero grad to reset)</source>
        <translation>（梯度会累加：按“梯度清零”重置）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="149"/>
        <source>a backward pass is running</source>
        <translation>正在运行反向传播</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="160"/>
        <source>Zero grad: every .grad is None again (grad norm was {0})</source>
        <translation>梯度清零：每个 .grad 重新变为 None（之前的梯度范数为 {0}）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="176"/>
        <source>New optimizer {0}: {1}</source>
        <translation>新的优化器 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="183"/>
        <source>Step ({0}, lr {1}): parameters moved by {2}</source>
        <translation>更新一步（{0}，学习率 {1}）：参数移动了 {2}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="190"/>
        <source>an optimizer step is running</source>
        <translation>正在执行优化器更新</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="197"/>
        <source>comparing train() and eval()</source>
        <translation>正在比较 train() 与 eval()</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="206"/>
        <source>The previous run was cancelled</source>
        <translation>上一次运行已取消</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="211"/>
        <source>choose a dataset in the Training tab first</source>
        <translation>请先在“训练”标签页中选择数据集</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="224"/>
        <source>Training in eval() mode: dropout is off and batch norm keeps its statistics</source>
        <translation>在 eval() 模式下训练：dropout 关闭，批量规范化保持其统计量不变</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="230"/>
        <source>The sum of outputs has no minimum: the loss falls without bound</source>
        <translation>输出之和没有最小值：损失会无限下降</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="238"/>
        <source>Training done: {0} steps, loss {1}</source>
        <translation>训练完成：{0} 步，损失 {1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="244"/>
        <source>training is running</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="274"/>
        <source>model.train(): dropout and batch norm use batches</source>
        <translation>model.train()：dropout 和批量规范化按批量工作</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="276"/>
        <source>model.eval(): dropout off, batch norm uses running statistics</source>
        <translation>model.eval()：dropout 关闭，批量规范化使用移动平均统计量</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="296"/>
        <source>Wait: {0} (Esc cancels)</source>
        <translation>请稍候：{0}（Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="336"/>
        <source>Cancelled: the model stays at the last full step</source>
        <translation>已取消：模型停留在最后一个完整步骤</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_controller.py" line="355"/>
        <source>Moved {0} optimizer state tensors to {1}</source>
        <translation>已把 {0} 个优化器状态张量移到 {1}</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <location filename="../../explorer/ui/builder/summary_view.py"/>
        <source>{0} (call {1})</source>
        <translation>{0}（第 {1} 次调用）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/summary_view.py" line="12"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/summary_view.py" line="13"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/summary_view.py" line="14"/>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/summary_view.py" line="15"/>
        <source>Param #</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/summary_view.py" line="16"/>
        <source>Trainable</source>
        <translation>可训练</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/summary_view.py" line="17"/>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/summary_view.py" line="53"/>
        <source>(shared)</source>
        <translation>（共享）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/summary_view.py" line="67"/>
        <source>Total params: {0} · trainable: {1} · non-trainable: {2} · FLOPs: {3} · parameter memory: {4}</source>
        <translation>参数总数：{0} · 可训练：{1} · 不可训练：{2} · FLOPs：{3} · 参数内存：{4}</translation>
    </message>
</context>
<context>
    <name>TensorSaveDialog</name>
    <message>
        <location filename="../../explorer/ui/tensor_save_dialog.py" line="18"/>
        <source>one tensor: torch.save(x, &apos;x-file&apos;)</source>
        <translation>单个张量：torch.save(x, &apos;x-file&apos;)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_save_dialog.py" line="19"/>
        <source>a list: torch.save([x, y], &apos;x-files&apos;)</source>
        <translation>列表：torch.save([x, y], &apos;x-files&apos;)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_save_dialog.py" line="22"/>
        <source>a dict: torch.save({&apos;x&apos;: x, &apos;y&apos;: y}, &apos;mydict&apos;)</source>
        <translation>字典：torch.save({&apos;x&apos;: x, &apos;y&apos;: y}, &apos;mydict&apos;)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_save_dialog.py" line="29"/>
        <source>Save tensors</source>
        <translation>保存张量</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_save_dialog.py" line="36"/>
        <source>Tensors</source>
        <translation>张量</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_save_dialog.py" line="41"/>
        <source>As</source>
        <translation>保存为</translation>
    </message>
</context>
<context>
    <name>TensorView</name>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="73"/>
        <source>Tile kernels</source>
        <translation>平铺卷积核</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="74"/>
        <source>Draw a conv weight as a grid of its kernels</source>
        <translation>把卷积 weight 画成卷积核网格</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="78"/>
        <source>bins </source>
        <translation>分箱数 </translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="79"/>
        <source>Log counts</source>
        <translation>对数计数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="87"/>
        <location filename="../../explorer/ui/tensor_view.py" line="89"/>
        <location filename="../../explorer/ui/tensor_view.py" line="95"/>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="88"/>
        <location filename="../../explorer/ui/tensor_view.py" line="90"/>
        <location filename="../../explorer/ui/tensor_view.py" line="95"/>
        <source>grad</source>
        <translation>grad</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="106"/>
        <source>Plots</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="107"/>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="131"/>
        <source>Select a parameter, or inspect an input or output</source>
        <translation>选择一个参数，或查看输入或输出</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="132"/>
        <source>nothing selected</source>
        <translation>未选择</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="203"/>
        <source>{0} is not in the model any more</source>
        <translation>{0} 已不在模型中</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="204"/>
        <source>no such parameter</source>
        <translation>没有这个参数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="211"/>
        <source>{0}: UninitializedParameter, shape unknown until the first forward</source>
        <translation>{0}：UninitializedParameter，第一次前向传播前形状未知</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="214"/>
        <source>UninitializedParameter</source>
        <translation>UninitializedParameter</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="225"/>
        <location filename="../../explorer/ui/tensor_view.py" line="405"/>
        <source>grad is None</source>
        <translation>grad 为 None</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="225"/>
        <source>no gradient</source>
        <translation>没有梯度</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="236"/>
        <source>{0}  {1}  {2}  {3}  requires_grad={4}  grad: {5}</source>
        <translation>{0}  {1}  {2}  {3}  requires_grad={4}  grad：{5}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="240"/>
        <source>(tied: one tensor, {0} names)</source>
        <translation>（已绑定：一个张量，{0} 个名称）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="242"/>
        <source>(buffer: state_dict only)</source>
        <translation>（缓冲区：仅在 state_dict 中）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="262"/>
        <source>({0} steps)</source>
        <translation>（{0} 步）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="284"/>
        <source>index of dimension {0}: {1}</source>
        <translation>第 {0} 维的索引：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="341"/>
        <source>Cannot edit values now: {0}</source>
        <translation>现在无法编辑数值：{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="345"/>
        <source>A parameter value must be a finite number</source>
        <translation>参数值必须是有限的数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="354"/>
        <source>Set {0}[{1}] = {2}</source>
        <translation>设置 {0}[{1}] = {2}</translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <source>The loss of Train, Backward and Step (one setting)</source>
        <translation>训练、反向传播和更新一步使用的损失（同一设置）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="40"/>
        <source>random teacher (fits the model)</source>
        <translation>随机教师网络（与模型匹配）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="41"/>
        <source>noisy sine (regression)</source>
        <translation>带噪正弦（回归）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="42"/>
        <source>linear (regression)</source>
        <translation>线性（回归）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="43"/>
        <source>spiral (classification)</source>
        <translation>螺旋（分类）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="44"/>
        <source>two moons (classification)</source>
        <translation>双月（分类）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="45"/>
        <source>circles (classification)</source>
        <translation>同心圆（分类）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="46"/>
        <source>Gaussian blobs (classification)</source>
        <translation>高斯簇（分类）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="91"/>
        <source>Load file…</source>
        <translation>加载文件…</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="93"/>
        <source>A .pt (tensor, [X, y] or dict with X and y), .safetensors, .npy or .csv file</source>
        <translation>.pt（张量、[X, y] 或含 X 和 y 的字典）、.safetensors、.npy 或 .csv 文件</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="98"/>
        <location filename="../../explorer/ui/training_view.py" line="154"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="106"/>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="107"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="108"/>
        <source>Data seed</source>
        <translation>数据种子</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="109"/>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="110"/>
        <source>Held out</source>
        <translation>验证集（留出）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="122"/>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="123"/>
        <source>epochs</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="128"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="129"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="130"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="131"/>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="132"/>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="135"/>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="139"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="140"/>
        <location filename="../../explorer/ui/training_view.py" line="378"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="141"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="142"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="150"/>
        <location filename="../../explorer/ui/training_view.py" line="335"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="159"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="161"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="165"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="168"/>
        <source>smoothed</source>
        <translation>平滑</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="171"/>
        <source>held-out</source>
        <translation>验证集（留出）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="284"/>
        <source>Load data</source>
        <translation>加载数据</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="286"/>
        <source>Data (*.pt *.pth *.safetensors *.npy *.csv);;All files (*)</source>
        <translation>数据 (*.pt *.pth *.safetensors *.npy *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="325"/>
        <source>{0}: {1} train, {2} held out</source>
        <translation>{0}：训练集 {1}，验证集 {2}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="344"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="362"/>
        <source>step {0}/{1} · {2} steps/s · ETA {3} · loss {4}{5}</source>
        <translation>第 {0}/{1} 步 · {2} 步/秒 · 剩余 {3} · 损失 {4}{5}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="370"/>
        <source> · held-out {0}</source>
        <translation> · 验证集（留出）{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/training_view.py" line="378"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Command line: nn-explorer train --data {0}</source>
        <translation>命令行：nn-explorer train --data {0}</translation>
    </message>
</context>
<context>
    <name>ValuesTable</name>
    <message>
        <location filename="../../explorer/ui/values_table.py" line="105"/>
        <source>Row page</source>
        <translation>行页</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/values_table.py" line="107"/>
        <source>Column page</source>
        <translation>列页</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/values_table.py" line="143"/>
        <source>rows {0}–{1} of {2}, columns {3}–{4} of {5}</source>
        <translation>第 {0}–{1} 行（共 {2} 行），第 {3}–{4} 列（共 {5} 列）</translation>
    </message>
</context>
<context>
    <name>mime</name>
    <message>
        <location filename="../../explorer/ui/mime.py" line="67"/>
        <source>nothing to drop</source>
        <translation>没有可放下的内容</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/mime.py" line="72"/>
        <location filename="../../explorer/ui/mime.py" line="74"/>
        <source>broken drag data</source>
        <translation>拖放数据已损坏</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/mime.py" line="83"/>
        <source>this is not a layer</source>
        <translation>这不是一个层</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/mime.py" line="88"/>
        <location filename="../../explorer/ui/mime.py" line="93"/>
        <source>the clipboard does not hold layers</source>
        <translation>剪贴板中没有层</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/mime.py" line="98"/>
        <source>the layers cannot be read: {0}</source>
        <translation>无法读取这些层：{0}</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../explorer/ui/init_plots.py" line="111"/>
        <source>activation std per layer</source>
        <translation>每层激活值的标准差</translation>
    </message>
    <message>
        <source>No probe yet</source>
        <translation>尚未运行探测</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_plots.py" line="112"/>
        <location filename="../../explorer/ui/init_plots.py" line="116"/>
        <source>std (log)</source>
        <translation>标准差（对数）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_plots.py" line="113"/>
        <location filename="../../explorer/ui/init_plots.py" line="116"/>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_plots.py" line="116"/>
        <source>gradient std per layer</source>
        <translation>每层梯度的标准差</translation>
    </message>
</context>
<context>
    <name>self.view</name>
    <message>
        <location filename="../../explorer/ui/card_delegate.py" line="90"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/card_delegate.py" line="94"/>
        <source>{0} params · {1}</source>
        <translation>{0} 个参数 · {1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/card_delegate.py" line="98"/>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/card_delegate.py" line="100"/>
        <source>total</source>
        <translation>总计</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/card_delegate.py" line="180"/>
        <source>Sequential · children: {0}</source>
        <translation>Sequential · 子模块：{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/card_delegate.py" line="191"/>
        <source>error: {0}</source>
        <translation>错误：{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/card_delegate.py" line="195"/>
        <source>not reached</source>
        <translation>未到达</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/card_delegate.py" line="197"/>
        <source>params shared with first use</source>
        <translation>与首次使用共享参数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/card_delegate.py" line="199"/>
        <source>{0} params</source>
        <translation>{0} 个参数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/card_delegate.py" line="229"/>
        <source>tied ×{0}</source>
        <translation>绑定 ×{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder/card_delegate.py"/>
        <source>guessed</source>
        <translation>推测</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/card_delegate.py" line="235"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="113"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="130"/>
        <source>Cannot open {0}: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="136"/>
        <source>Opened {0}</source>
        <translation>已打开 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="152"/>
        <source>Example: {0}</source>
        <translation>示例：{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="162"/>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="106"/>
        <source>Replace file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="107"/>
        <source>{0} exists. Replace it?</source>
        <translation>{0} 已存在。要替换它吗？</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="122"/>
        <source>Open {0}</source>
        <translation>打开 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="123"/>
        <source>{0} holds a state dict. What should it do?</source>
        <translation>{0} 中是一个 state dict。要怎么处理？</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/files/checkpoint_actions.py"/>
        <source>{0} holds a whole model. What should it do?</source>
        <translation>{0} 中是一个完整模型。要怎么处理？</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="126"/>
        <source>Load into model</source>
        <translation>加载到模型</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="129"/>
        <source>Import as model</source>
        <translation>导入为模型</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="131"/>
        <source>Inspect</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="146"/>
        <source>Save weights</source>
        <translation>保存权重</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="155"/>
        <location filename="../../explorer/ui/file_actions.py" line="179"/>
        <source>Cannot save {0}: {1}</source>
        <translation>无法保存 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="158"/>
        <source>Saved the state dict ({0} tensors) to {1}</source>
        <translation>已把 state dict（{0} 个张量）保存到 {1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="165"/>
        <source>Load weights</source>
        <translation>加载权重</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="174"/>
        <source>Cannot load {0}: {1}</source>
        <translation>无法加载 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="256"/>
        <source>Inspect file</source>
        <translation>查看文件</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="267"/>
        <source>Cannot inspect {0}: {1}</source>
        <translation>无法查看 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="276"/>
        <source>Import state dict as model</source>
        <translation>把 state dict 导入为模型</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="185"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="194"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="195"/>
        <source>The model has unsaved changes. Save them first?</source>
        <translation>模型有未保存的更改。要先保存吗？</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/autosave_actions.py" line="79"/>
        <source>Recover unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/autosave_actions.py" line="81"/>
        <source>NN Explorer did not close normally. Recover the unsaved model &apos;{0}&apos; autosaved at {1}?</source>
        <translation>NN Explorer 上次没有正常关闭。要恢复在 {1} 自动保存的未保存模型“{0}”吗？</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="127"/>
        <source>Add {0}</source>
        <translation>添加 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="133"/>
        <source>Insert layers: {0}</source>
        <translation>插入 {0} 个层</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="159"/>
        <source>Move layers: {0}</source>
        <translation>移动 {0} 个层</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="170"/>
        <source>Delete {0}</source>
        <translation>删除 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="185"/>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="203"/>
        <source>Copied layers: {0}</source>
        <translation>已复制 {0} 个层</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="210"/>
        <source>Cannot paste: {0}</source>
        <translation>无法粘贴：{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="215"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="220"/>
        <source>Select the layers to group first</source>
        <translation>请先选择要组合的层</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="230"/>
        <source>Group</source>
        <translation>组合</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="238"/>
        <source>Select a block to ungroup</source>
        <translation>选择一个要拆分的块</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="242"/>
        <source>Ungroup</source>
        <translation>拆分</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="247"/>
        <source>Select one layer to share</source>
        <translation>选择一个要共享的层</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="258"/>
        <source>Add shared use</source>
        <translation>再次使用此层（共享参数）</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="267"/>
        <source>Untie</source>
        <translation>解除绑定</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="274"/>
        <source>Collapse</source>
        <translation>折叠</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="274"/>
        <source>Expand</source>
        <translation>展开</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="291"/>
        <source>Select the layers to save as a block</source>
        <translation>选择要保存为块的层</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="296"/>
        <source>Save as my block</source>
        <translation>另存为我的块</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="296"/>
        <source>Block name:</source>
        <translation>块名称：</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="303"/>
        <source>Cannot save the block: {0}</source>
        <translation>无法保存块：{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="308"/>
        <source>Saved the block {0}</source>
        <translation>已保存块 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="317"/>
        <source>Export PyTorch code</source>
        <translation>导出 PyTorch 代码</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="325"/>
        <location filename="../../explorer/ui/run_actions.py" line="278"/>
        <source>Cannot write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder_actions.py" line="328"/>
        <source>Exported code to {0}</source>
        <translation>已把代码导出到 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/drop_open.py" line="36"/>
        <source>Opened {0}; drop one file at a time</source>
        <translation>已打开 {0}；请一次只拖放一个文件</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="191"/>
        <source>mode: TRAIN</source>
        <translation>模式：训练</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="191"/>
        <source>mode: EVAL</source>
        <translation>模式：评估</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="202"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="202"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="259"/>
        <source>Some run settings were not restored: {0}</source>
        <translation>部分运行设置未能恢复：{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="281"/>
        <source>Exported the training script to {0}</source>
        <translation>已把训练脚本导出到 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="286"/>
        <source>Export training script</source>
        <translation>导出训练脚本</translation>
    </message>
</context>
<context>
    <name>self.window_</name>
    <message>
        <location filename="../../explorer/ui/device_selector.py" line="84"/>
        <source>Device mismatch</source>
        <translation>设备不匹配</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/device_selector.py" line="85"/>
        <source>The model is on {0}, but {1}. Move them to {0}?</source>
        <translation>模型在 {0} 上，但 {1}。要把它们移到 {0} 吗？</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="47"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="50"/>
        <source>Start an empty model</source>
        <translation>新建一个空模型</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="56"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="59"/>
        <source>Open a project file</source>
        <translation>打开项目文件</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="63"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="66"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="69"/>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="75"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="78"/>
        <source>Save the project under a new name</source>
        <translation>以新名称保存项目</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="83"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="83"/>
        <source>Close the window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/file_actions.py" line="97"/>
        <source>Open the example {0}</source>
        <translation>打开示例 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/autosave_actions.py" line="63"/>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/autosave_actions.py" line="67"/>
        <source>Autosave failed: {0}</source>
        <translation>自动保存失败：{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/files/autosave_actions.py" line="160"/>
        <source>An autosave could not be read ({0}); it was kept as {1}</source>
        <translation>无法读取一个自动保存（{0}）；它已保留为 {1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/files/autosave_actions.py" line="166"/>
        <source>An autosave could not be read ({0}) nor moved aside: {1}</source>
        <translation>无法读取一个自动保存（{0}），也无法将其移开：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/files/autosave_actions.py" line="141"/>
        <source>Autosave damaged</source>
        <translation>自动保存已损坏</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/autosave_actions.py" line="109"/>
        <source>Recovered the work autosaved at {0}</source>
        <translation>已恢复在 {0} 自动保存的工作</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="50"/>
        <source>Save &amp;Weights…</source>
        <translation>保存权重(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="53"/>
        <source>Save the state dict as .params/.pt (torch.save) or .safetensors</source>
        <translation>把 state dict 保存为 .params/.pt（torch.save）或 .safetensors</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="58"/>
        <source>&amp;Load Weights…</source>
        <translation>加载权重(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="61"/>
        <source>Load a state dict into the model, after a report of what matches</source>
        <translation>先报告哪些匹配，再把 state dict 加载到模型</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="66"/>
        <source>Save &amp;Tensors…</source>
        <translation>保存张量(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="69"/>
        <source>Save the input, output or other tensors as torch.save(x), [x, y] or a dict</source>
        <translation>把输入、输出或其他张量保存为 torch.save(x)、[x, y] 或字典</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="74"/>
        <source>&amp;Inspect File…</source>
        <translation>查看文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="77"/>
        <source>Show what a .pt/.safetensors file holds, without running it</source>
        <translation>显示 .pt/.safetensors 文件里有什么，不运行其中代码</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="82"/>
        <source>Import State Dict as &amp;Model…</source>
        <translation>从 state_dict 导入为模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="85"/>
        <source>Infer an nn.Sequential from a bare state dict and load its weights</source>
        <translation>从单纯的 state dict 推断出 nn.Sequential 并加载其权重</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="181"/>
        <source>Cannot load weights now: {0}</source>
        <translation>现在无法加载权重：{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="191"/>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="210"/>
        <source>Cannot load {0}: {1}</source>
        <translation>无法加载 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="192"/>
        <source>the model has lazy layers; run a forward pass first</source>
        <translation>模型中有延后初始化的层；请先运行一次前向传播</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="198"/>
        <source>Loading {0} cancelled; nothing changed</source>
        <translation>已取消加载 {0}；未做任何修改</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="217"/>
        <source>Load {0}</source>
        <translation>加载 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="218"/>
        <source>Loaded {0} of {1} tensors from {2}</source>
        <translation>已从 {2} 加载 {0}/{1} 个张量</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="230"/>
        <source>No tensors to save yet: run a forward pass first</source>
        <translation>还没有可保存的张量：请先运行一次前向传播</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="237"/>
        <source>Save tensors</source>
        <translation>保存张量</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="248"/>
        <source>Cannot save {0}: {1}</source>
        <translation>无法保存 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="250"/>
        <source>Saved {0} to {1}</source>
        <translation>已把 {0} 保存到 {1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="296"/>
        <source>Cannot import {0}: {1}</source>
        <translation>无法导入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="303"/>
        <source>layer {0}: {1}</source>
        <translation>层 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="305"/>
        <source>Imported {0} as a model with its weights</source>
        <translation>已把 {0} 连同权重导入为模型</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="308"/>
        <source>; {0} layers without parameters were guessed (selected): check them</source>
        <translation>；{0} 个无参数的层是推测出来的（已选中）：请检查</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/files/checkpoint_actions.py"/>
        <source>guessed {0}: {1}</source>
        <translation>推测 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/files/checkpoint_actions.py"/>
        <source>Imported {0}: architecture and weights read from the file</source>
        <translation>已导入 {0}：结构和权重都读自文件</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/files/checkpoint_actions.py"/>
        <source>; layers with guesses (marked, selected): {0}; check them</source>
        <translation>；含推测的层（已标记并选中）：{0}；请检查</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/builder/canvas_model.py"/>
        <source>guessed: {0}</source>
        <translation>推测：{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/checkpoint_actions.py" line="326"/>
        <source>Cannot open {0}: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/device_selector.py" line="53"/>
        <source>Cannot move the model to {0}: {1}</source>
        <translation>无法把模型移到 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/device_selector.py" line="56"/>
        <source>Model moved to {0}</source>
        <translation>模型已移到 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/device_selector.py" line="70"/>
        <source> and {0} more</source>
        <translation> 以及另外 {0} 个</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/device_selector.py" line="72"/>
        <source>Device mismatch: the model is on {0}, but {1}</source>
        <translation>设备不匹配：模型在 {0} 上，但 {1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/device_selector.py" line="77"/>
        <source>Moved every tensor to {0}</source>
        <translation>已把所有张量移到 {0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="37"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="38"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="44"/>
        <source>Forward</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="47"/>
        <source>output = net(X): run the model on its input</source>
        <translation>output = net(X)：在输入上运行模型</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="51"/>
        <source>Backward</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="54"/>
        <source>loss.backward(): gradients add up in .grad</source>
        <translation>loss.backward()：梯度累加到 .grad 中</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="58"/>
        <source>Zero grad</source>
        <translation>梯度清零</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="61"/>
        <source>net.zero_grad(): every .grad back to None</source>
        <translation>net.zero_grad()：每个 .grad 恢复为 None</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="65"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="68"/>
        <source>optimizer.step(); while training: one more step, then pause</source>
        <translation>optimizer.step()；训练中：再走一步，然后暂停</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="72"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="75"/>
        <source>Train with the Training tab&apos;s settings</source>
        <translation>按“训练”标签页的设置训练</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="77"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="77"/>
        <source>Pause or resume training</source>
        <translation>暂停或继续训练</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="80"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="83"/>
        <source>Stop at the next step boundary</source>
        <translation>在下一步结束时停止</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="95"/>
        <source>Zero grad before each backward</source>
        <translation>每次反向传播前梯度清零</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="97"/>
        <source>Off: gradients accumulate, as in PyTorch</source>
        <translation>关闭时：梯度累加，与 PyTorch 相同</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="104"/>
        <source>eval() mode</source>
        <translation>eval() 模式</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="106"/>
        <source>Switch between net.train() and net.eval()</source>
        <translation>在 net.train() 和 net.eval() 之间切换</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="113"/>
        <source>Compare modes</source>
        <translation>比较模式</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="115"/>
        <source>The same batch through train() and eval(), side by side</source>
        <translation>同一批量分别通过 train() 和 eval()，并排对比</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="120"/>
        <source>Click to switch train() / eval()</source>
        <translation>点击切换 train() / eval()</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="123"/>
        <source> seed </source>
        <translation> 种子 </translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="127"/>
        <source>torch.manual_seed: the input, the batch order and dropout</source>
        <translation>torch.manual_seed：决定输入、批量顺序和 dropout</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="130"/>
        <source> input </source>
        <translation> 输入 </translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="135"/>
        <source>dataset batch</source>
        <translation>数据集批量</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="136"/>
        <source>What Forward and Backward feed the model</source>
        <translation>前向传播和反向传播输入给模型的数据</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="141"/>
        <source> loss </source>
        <translation> 损失 </translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="157"/>
        <source>Export training script…</source>
        <translation>导出训练脚本…</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/run_actions.py" line="159"/>
        <source>A standalone PyTorch script of this run (also runs under torchrun)</source>
        <translation>本次运行的独立 PyTorch 脚本（也可在 torchrun 下运行）</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../explorer/ui/language_menu.py" line="12"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/language_menu.py" line="28"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/language_menu.py" line="29"/>
        <source>The new language applies when NN Explorer starts again.</source>
        <translation>新语言将在 NN Explorer 下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="355"/>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="375"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/lessons_panel.py" line="378"/>
        <source>Guided lessons for chapter 5, step by step</source>
        <translation>第 5 章的分步引导课程</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/log_view.py" line="33"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="54"/>
        <source>&amp;File</source>
        <extracomment>Feature modules, installed in this order. Each has ``install(window: MainWindow)``.</extracomment>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="55"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="56"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="57"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="58"/>
        <source>E&amp;xamples</source>
        <translation>示例(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/main_window.py" line="59"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/summary_view.py" line="86"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/activations_view.py" line="151"/>
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/code_view.py" line="43"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/device_selector.py" line="25"/>
        <source>Where the model&apos;s parameters live (the book&apos;s try_gpu): cpu, cuda:N, mps</source>
        <translation>模型参数所在的设备（书中的 try_gpu）：cpu、cuda:N、mps</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/device_selector.py" line="94"/>
        <source> Device </source>
        <translation> 设备 </translation>
    </message>
    <message>
        <location filename="../../explorer/ui/gradflow_view.py" line="121"/>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/history_view.py" line="145"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="403"/>
        <source>Init lab</source>
        <translation>初始化实验室</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="407"/>
        <source>&amp;Initialize parameters…</source>
        <translation>初始化参数(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/init_lab.py" line="410"/>
        <source>Open the Init lab: nn.init schemes, custom init, distributions, depth probe</source>
        <translation>打开初始化实验室：nn.init 方法、自定义初始化、分布、深度探测</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/palette.py" line="183"/>
        <source>Palette</source>
        <translation>层库</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/param_tree.py" line="402"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/project_bridge.py" line="19"/>
        <source>Could not store {0}: {1}</source>
        <translation>无法存储 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/project_bridge.py" line="44"/>
        <source>weights not loaded: {0}</source>
        <translation>权重未加载：{0}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/project_bridge.py" line="52"/>
        <source>{0} settings not restored: {1}</source>
        <translation>{0} 设置未恢复：{1}</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/properties.py" line="311"/>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../explorer/ui/tensor_view.py" line="418"/>
        <source>Tensor</source>
        <translation>张量</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation>关闭此消息</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Could not store {0}</source>
        <translation>无法保存 {0}</translation>
    </message>
</context>
<context>
    <name>AutogradAndPythonClasses</name>
    <message>
        <source>Code as nn.Module classes</source>
        <translation>代码写成 nn.Module 类</translation>
    </message>
    <message>
        <source>The Code tab and Export code write each block as a small nn.Module class</source>
        <translation>“代码”页和导出代码把每个块写成一个小的 nn.Module 类</translation>
    </message>
    <message>
        <source>receives a gradient of shape {0}</source>
        <translation>接收形状为 {0} 的梯度</translation>
    </message>
    <message>
        <source>Press Evaluate to draw the graph</source>
        <translation>按“求值”绘制计算图</translation>
    </message>
    <message>
        <source>grad {0}</source>
        <translation>梯度 {0}</translation>
    </message>
    <message>
        <source>holds {0}</source>
        <translation>保存在 {0} 中</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>层 {0}</translation>
    </message>
    <message>
        <source>Autograd</source>
        <translation>自动微分</translation>
    </message>
    <message>
        <source>Add leaf</source>
        <translation>添加叶子</translation>
    </message>
    <message>
        <source>Remove leaf</source>
        <translation>删除叶子</translation>
    </message>
    <message>
        <source>z = x * y + x**2  (the last line is the result)</source>
        <translation>z = x * y + x**2（最后一行是结果）</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>求值</translation>
    </message>
    <message>
        <source>Create the leaves, run the code, draw the graph</source>
        <translation>创建叶子张量，运行代码，画出计算图</translation>
    </message>
    <message>
        <source>result.backward(): fills each leaf's .grad</source>
        <translation>result.backward()：填入每个叶子张量的 .grad</translation>
    </message>
    <message>
        <source>zero_()</source>
        <translation>zero_()</translation>
    </message>
    <message>
        <source>x.grad.zero_() on every leaf</source>
        <translation>对每个叶子张量执行 x.grad.zero_()</translation>
    </message>
    <message>
        <source>retain_graph</source>
        <translation>retain_graph</translation>
    </message>
    <message>
        <source>Model's loss graph</source>
        <translation>模型损失的计算图</translation>
    </message>
    <message>
        <source>The graph of the current model's loss on the last Forward's batch, by layer</source>
        <translation>当前模型在上次前向传播的批量上的损失计算图，按层分组</translation>
    </message>
    <message>
        <source>gradient= (for a non-scalar result)</source>
        <translation>gradient=（结果不是标量时填写）</translation>
    </message>
    <message>
        <source>result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Leaf</source>
        <translation>叶子</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Run Forward first: the graph uses its input, target and loss.</source>
        <translation>请先运行前向传播：计算图使用它的输入、目标和损失。</translation>
    </message>
    <message>
        <source>{0} = {1}</source>
        <translation>{0} = {1}</translation>
    </message>
    <message>
        <source>loss ({0}) = {1}</source>
        <translation>损失 ({0}) = {1}</translation>
    </message>
    <message>
        <source>The model's forward failed: {0}</source>
        <translation>模型的前向传播失败：{0}</translation>
    </message>
    <message>
        <source>Open Python class...</source>
        <translation>打开 Python 类...</translation>
    </message>
    <message>
        <source>MLP class (Python, from the notes)</source>
        <translation>MLP 类（Python，来自笔记）</translation>
    </message>
    <message>
        <source>Open Python class</source>
        <translation>打开 Python 类</translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation>Python 文件 (*.py)</translation>
    </message>
    <message>
        <source>Open an nn.Module class from a .py file (runs the file's code)</source>
        <translation>从 .py 文件打开一个 nn.Module 类（会运行该文件的代码）</translation>
    </message>
    <message>
        <source>The notes' class MLP(nn.Module): open it and convert it</source>
        <translation>笔记中的类 MLP(nn.Module)：打开并转换它</translation>
    </message>
    <message>
        <source>Converted {0} to an editable Sequential</source>
        <translation>已把 {0} 转换为可编辑的 Sequential</translation>
    </message>
    <message>
        <source>Run this file's code?</source>
        <translation>运行这个文件的代码？</translation>
    </message>
    <message>
        <source>Run it and open</source>
        <translation>运行并打开</translation>
    </message>
    <message>
        <source>constructor arguments as JSON, e.g. {"width": 64}</source>
        <translation>构造参数，JSON 格式，例如 {"width": 64}</translation>
    </message>
    <message>
        <source>input shape, e.g. 2, 20</source>
        <translation>输入形状，例如 2, 20</translation>
    </message>
    <message>
        <source>Construct</source>
        <translation>构造</translation>
    </message>
    <message>
        <source>Convert to Sequential</source>
        <translation>转换为 Sequential</translation>
    </message>
    <message>
        <source>An editable project whose state_dict keys load into the class</source>
        <translation>生成可编辑的项目，其 state_dict 的键可以加载回这个类</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>参数值</translation>
    </message>
    <message>
        <source>Input shape</source>
        <translation>输入形状</translation>
    </message>
    <message>
        <source>Opening {0} runs its Python code, as 'python {0}' would (except its __main__ part). Only open files you trust.</source>
        <translation>打开 {0} 会运行其中的 Python 代码，与 “python {0}” 相同（__main__ 部分除外）。只打开你信任的文件。</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>The input shape must be positive whole numbers, like 2, 20</source>
        <translation>输入形状必须是正整数，例如 2, 20</translation>
    </message>
    <message>
        <source>Python class: {0}</source>
        <translation>Python 类：{0}</translation>
    </message>
    <message>
        <source>Input shape guessed {0}</source>
        <translation>输入形状是推测的：{0}</translation>
    </message>
    <message>
        <source>Cannot convert: {0}</source>
        <translation>无法转换：{0}</translation>
    </message>
</context>
<context>
    <name>TrainingPlayground</name>
    <message>
        <source>Reset weights</source>
        <translation>重置权重</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>A logarithmic loss axis: 1e-2 and 1e-6 both readable</source>
        <translation>对数损失坐标轴：1e-2 和 1e-6 都清晰可读</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <source>Train on from step {0}; Reset weights starts again at step 0</source>
        <translation>从第 {0} 步继续训练；“重置权重”会从第 0 步重新开始</translation>
    </message>
    <message>
        <source>Train from fresh weights, starting at step 0</source>
        <translation>从新的权重开始训练，从第 0 步起</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Paused at step {0}/{1} · {2} steps left · ETA {3} after Resume</source>
        <translation>暂停于第 {0}/{1} 步 · 还剩 {2} 步 · 继续后预计还需 {3}</translation>
    </message>
    <message>
        <source>step {0}/{1} · cancelled · loss {2}{3}</source>
        <translation>第 {0}/{1} 步 · 已取消 · 损失 {2}{3}</translation>
    </message>
    <message>
        <source>No activations: the model does not run ({0})</source>
        <translation>没有激活值：模型无法运行（{0}）</translation>
    </message>
    <message>
        <source>Lazy layers are not initialized yet: run a forward (F5) or train a step</source>
        <translation>延后初始化的层尚未初始化：请运行一次前向传播（F5）或训练一步</translation>
    </message>
    <message>
        <source>{0} · older weights: Forward (F5) runs it again</source>
        <translation>{0} · 权重已改变：前向传播（F5）会重新计算</translation>
    </message>
    <message>
        <source>{0} · older input: Forward (F5) runs it again</source>
        <translation>{0} · 输入已改变：前向传播（F5）会重新计算</translation>
    </message>
    <message>
        <source>{0} · older weights and input: Forward (F5) runs it again</source>
        <translation>{0} · 权重和输入都已改变：前向传播（F5）会重新计算</translation>
    </message>
    <message>
        <source>Older weights and input: Run &gt; Compare modes runs it again</source>
        <translation>权重和输入都已改变：“运行 &gt; 比较模式”会重新计算</translation>
    </message>
    <message>
        <source>Older weights: Run &gt; Compare modes runs it again</source>
        <translation>权重已改变：“运行 &gt; 比较模式”会重新计算</translation>
    </message>
    <message>
        <source>Older input: Run &gt; Compare modes runs it again</source>
        <translation>输入已改变：“运行 &gt; 比较模式”会重新计算</translation>
    </message>
    <message>
        <source>Training stopped: {0}</source>
        <translation>训练已停止：{0}</translation>
    </message>
    <message>
        <source>Fit the model to the data</source>
        <translation>让模型适配数据</translation>
    </message>
    <message>
        <source>The data does not fit the model: {0}. One click sets {1}.</source>
        <translation>数据与模型不匹配：{0}。点一下即可设置 {1}。</translation>
    </message>
    <message>
        <source>The data does not fit the model: {0}</source>
        <translation>数据与模型不匹配：{0}</translation>
    </message>
    <message>
        <source>The data does not fit the model: {0}. The class's layers are set in its code: change the code, choose other data, or convert it to Sequential.</source>
        <translation>数据与模型不匹配：{0}。这个类的层由它的代码决定：请修改代码、换一组数据，或把它转换为 Sequential。</translation>
    </message>
    <message>
        <source>Fitted the model to the data: {0} (Ctrl+Z undoes)</source>
        <translation>已让模型适配数据：{0}（Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Fresh weights from the seed (torch.manual_seed); the next Train starts at step 0</source>
        <translation>按种子重新生成权重（torch.manual_seed）；下次训练从第 0 步开始</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>第 {0} 步</translation>
    </message>
    <message>
        <source>final</source>
        <translation>最终</translation>
    </message>
    <message>
        <source>Accuracy ({0}): train {1}</source>
        <translation>准确率（{0}）：训练集 {1}</translation>
    </message>
    <message>
        <source>current weights</source>
        <translation>当前权重</translation>
    </message>
    <message>
        <source>, accuracy {0}</source>
        <translation>，准确率 {0}</translation>
    </message>
    <message>
        <source>Cannot reset the weights now: {0}</source>
        <translation>现在无法重置权重：{0}</translation>
    </message>
    <message>
        <source>Lazy layers have no weights yet: run a forward first (F5), then reset</source>
        <translation>延后初始化的层还没有权重：先运行一次前向传播（F5），再重置</translation>
    </message>
    <message>
        <source>Reset weights (seed {0})</source>
        <translation>重置权重（种子 {0}）</translation>
    </message>
    <message>
        <source>Weights reset from seed {0}: the next Train starts at step 0 (Ctrl+Z undoes)</source>
        <translation>已按种子 {0} 重置权重：下次训练从第 0 步开始（Ctrl+Z 撤销）</translation>
    </message>
</context>
<context>
    <name>Polish</name>
    <message>
        <source>Replace your code?</source>
        <translation>替换你的代码？</translation>
    </message>
    <message>
        <source>Replace the code you edited with this template? Your code is lost.</source>
        <translation>用这个模板替换你编辑过的代码？你的代码将丢失。</translation>
    </message>
    <message>
        <source>Move layer</source>
        <translation>移动层</translation>
    </message>
    <message>
        <source>Insert layer</source>
        <translation>插入层</translation>
    </message>
    <message>
        <source>Delete layer</source>
        <translation>删除层</translation>
    </message>
    <message>
        <source>Delete layers: {0}</source>
        <translation>删除 {0} 个层</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the selected layers one place up</source>
        <translation>把选中的层上移一位</translation>
    </message>
    <message>
        <source>Move the selected layers one place down</source>
        <translation>把选中的层下移一位</translation>
    </message>
    <message>
        <source>bins: auto</source>
        <translation>分箱：自动</translation>
    </message>
    <message>
        <source>auto: from the data, as numpy&apos;s bins=&apos;auto&apos;</source>
        <translation>自动：按数据决定，同 numpy 的 bins=&apos;auto&apos;</translation>
    </message>
    <message>
        <source>no gradient yet</source>
        <translation>尚无梯度</translation>
    </message>
</context>
<context>
    <name>LayerDocs</name>
    <message>
        <source>A placeholder identity operator that is argument-insensitive.</source>
        <translation>占位用的恒等运算，忽略所有参数。</translation>
    </message>
    <message>
        <source>A torch.nn.Conv2d module with lazy initialization of the in_channels argument.</source>
        <translation>延后初始化 in_channels 参数的 torch.nn.Conv2d 模块。</translation>
    </message>
    <message>
        <source>A torch.nn.Linear module where `in_features` is inferred.</source>
        <translation>自动推断 `in_features` 的 torch.nn.Linear 模块。</translation>
    </message>
    <message>
        <source>Applies Batch Normalization over a 2D or 3D input.</source>
        <translation>对二维或三维输入做批量规范化。</translation>
    </message>
    <message>
        <source>Applies Batch Normalization over a 4D input.</source>
        <translation>对四维输入做批量规范化。</translation>
    </message>
    <message>
        <source>Applies Group Normalization over a mini-batch of inputs.</source>
        <translation>对一个小批量输入做组规范化。</translation>
    </message>
    <message>
        <source>Applies Layer Normalization over a mini-batch of inputs.</source>
        <translation>对一个小批量输入做层规范化。</translation>
    </message>
    <message>
        <source>Applies a 1D convolution over an input signal composed of several input planes.</source>
        <translation>对由多个输入平面组成的输入信号做一维卷积。</translation>
    </message>
    <message>
        <source>Applies a 1D max pooling over an input signal composed of several input planes.</source>
        <translation>对由多个输入平面组成的输入信号做一维最大汇聚。</translation>
    </message>
    <message>
        <source>Applies a 2D adaptive average pooling over an input signal composed of several input planes.</source>
        <translation>对由多个输入平面组成的输入信号做二维自适应平均汇聚。</translation>
    </message>
    <message>
        <source>Applies a 2D average pooling over an input signal composed of several input planes.</source>
        <translation>对由多个输入平面组成的输入信号做二维平均汇聚。</translation>
    </message>
    <message>
        <source>Applies a 2D convolution over an input signal composed of several input planes.</source>
        <translation>对由多个输入平面组成的输入信号做二维卷积。</translation>
    </message>
    <message>
        <source>Applies a 2D max pooling over an input signal composed of several input planes.</source>
        <translation>对由多个输入平面组成的输入信号做二维最大汇聚。</translation>
    </message>
    <message>
        <source>Applies a 2D transposed convolution operator over an input image composed of several input planes.</source>
        <translation>对由多个输入平面组成的输入图像做二维转置卷积。</translation>
    </message>
    <message>
        <source>Applies an affine linear transformation to the incoming data: y = xA^T + b.</source>
        <translation>对输入数据做仿射线性变换：y = xA^T + b。</translation>
    </message>
    <message>
        <source>Applies the Exponential Linear Unit (ELU) function, element-wise.</source>
        <translation>逐元素应用指数线性单元（ELU）函数。</translation>
    </message>
    <message>
        <source>Applies the Gaussian Error Linear Units function.</source>
        <translation>应用高斯误差线性单元（GELU）函数。</translation>
    </message>
    <message>
        <source>Applies the HardTanh function element-wise.</source>
        <translation>逐元素应用 HardTanh 函数。</translation>
    </message>
    <message>
        <source>Applies the Hyperbolic Tangent (Tanh) function element-wise.</source>
        <translation>逐元素应用双曲正切（Tanh）函数。</translation>
    </message>
    <message>
        <source>Applies the LeakyReLU function element-wise.</source>
        <translation>逐元素应用 LeakyReLU 函数。</translation>
    </message>
    <message>
        <source>Applies the Sigmoid Linear Unit (SiLU) function, element-wise.</source>
        <translation>逐元素应用 Sigmoid 线性单元（SiLU）函数。</translation>
    </message>
    <message>
        <source>Applies the Sigmoid function element-wise.</source>
        <translation>逐元素应用 Sigmoid 函数。</translation>
    </message>
    <message>
        <source>Applies the Softmax function to an n-dimensional input Tensor.</source>
        <translation>对 n 维输入张量应用 Softmax 函数。</translation>
    </message>
    <message>
        <source>Applies the Softplus function element-wise.</source>
        <translation>逐元素应用 Softplus 函数。</translation>
    </message>
    <message>
        <source>Applies the \log(\text{Softmax}(x)) function to an n-dimensional input Tensor.</source>
        <translation>对 n 维输入张量应用 \log(\text{Softmax}(x)) 函数。</translation>
    </message>
    <message>
        <source>Applies the element-wise PReLU function.</source>
        <translation>逐元素应用 PReLU 函数。</translation>
    </message>
    <message>
        <source>Applies the rectified linear unit function element-wise.</source>
        <translation>逐元素应用修正线性单元（ReLU）函数。</translation>
    </message>
    <message>
        <source>During training, randomly zeroes some of the elements of the input tensor with probability p.</source>
        <translation>训练时以概率 p 随机把输入张量的部分元素置零。</translation>
    </message>
    <message>
        <source>Flattens a contiguous range of dims into a tensor.</source>
        <translation>把一段连续的维度展平。</translation>
    </message>
    <message>
        <source>Randomly zero out entire channels.</source>
        <translation>随机把整个通道置零。</translation>
    </message>
    <message>
        <source>Unflattens a tensor dim expanding it to a desired shape. For use with ~nn.Sequential.</source>
        <translation>把张量的一个维度展开成所需的形状。可用于 ~nn.Sequential。</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <source>line {line}: {detail}</source>
        <translation>第 {line} 行：{detail}</translation>
    </message>
    <message>
        <source>define a function, like def my_init(m): ... (none found)</source>
        <translation>请定义一个函数，例如 def my_init(m): ...（未找到函数）</translation>
    </message>
    <message>
        <source>{fname} takes {arity} arguments; write def {fname}(m) (called on every module) or def {fname}(name, tensor) (called on each parameter)</source>
        <translation>{fname} 有 {arity} 个参数；请写成 def {fname}(m)（对每个模块调用）或 def {fname}(name, tensor)（对每个参数调用）</translation>
    </message>
    <message>
        <source>{fname} replaced {name} {shape}: it {got}; change values in place instead (nn.init functions, tensor.data[...] = ...)</source>
        <translation>{fname} 替换了 {name} {shape}：它{got}；请改为原地修改数值（nn.init 函数、tensor.data[...] = ...）</translation>
    </message>
    <message>
        <source>removed it</source>
        <translation>被删除了</translation>
    </message>
    <message>
        <source>made it {shape} {dtype}</source>
        <translation>变成了 {shape} {dtype}</translation>
    </message>
    <message>
        <source>{fname} left NaN or infinity in {name}; nothing was applied</source>
        <translation>{fname} 在 {name} 中留下了 NaN 或无穷大；未做任何更改</translation>
    </message>
    <message>
        <source>{label} {where} expects {expected}, got {got}</source>
        <translation>{label}（{where}）需要{expected}，实际得到 {got}</translation>
    </message>
    <message>
        <source>{label} {where} cannot take input of shape {shape}: {detail}</source>
        <translation>{label}（{where}）无法接受形状为 {shape} 的输入：{detail}</translation>
    </message>
    <message>
        <source>the last line must be the result: an expression, or z = ...</source>
        <translation>最后一行必须是结果：一个表达式，或 z = ...</translation>
    </message>
    <message>
        <source>backward() on {where} that is not a single number needs gradient=: a tensor of the same shape (torch.ones_like), or reduce it first with .sum().</source>
        <translation>对不是单个数的 {where} 调用 backward() 需要 gradient=：一个形状相同的张量（torch.ones_like），或先用 .sum() 把它归约为标量。</translation>
    </message>
    <message>
        <source>The graph was freed by the previous backward() (PyTorch frees saved values after use). Evaluate again, or call backward(retain_graph=True) the first time.</source>
        <translation>计算图已被上一次 backward() 释放（PyTorch 用完保存的值后会释放它们）。请重新求值，或在第一次调用时使用 backward(retain_graph=True)。</translation>
    </message>
    <message>
        <source>The result depends on no tensor with requires_grad=True, so there is no graph to walk back. Set requires_grad on a leaf it uses.</source>
        <translation>结果不依赖任何 requires_grad=True 的张量，因此没有可回溯的计算图。请对它用到的某个叶子设置 requires_grad。</translation>
    </message>
    <message>
        <source>{where}: only floating-point tensors can require grad; write 3.0 instead of 3, or add dtype=torch.float32.</source>
        <translation>{where}：只有浮点张量才能 requires_grad；请写 3.0 而不是 3，或加上 dtype=torch.float32。</translation>
    </message>
    <message>
        <source>{name}: the value must be a number or a tensor</source>
        <translation>{name}：值必须是数字或张量</translation>
    </message>
    <message>
        <source>write an expression, like x * y + x**2</source>
        <translation>请写一个表达式，例如 x * y + x**2</translation>
    </message>
    <message>
        <source>an in-place change (a method ending in _, or +=) of a leaf that requires grad; PyTorch forbids it because the graph needs the leaf&apos;s value. Write x = x + 1 for a new tensor, or change it under torch.no_grad().</source>
        <translation>对需要梯度的叶子做了原地修改（以 _ 结尾的方法，或 +=）；PyTorch 禁止这样做，因为计算图需要叶子的值。请写 x = x + 1 得到新张量，或在 torch.no_grad() 下修改。</translation>
    </message>
    <message>
        <source>a value saved for backward was changed in place after it was used; backward would compute a wrong gradient, so PyTorch refuses. Use an out-of-place operation (y = y * 2, not y *= 2).</source>
        <translation>为反向传播保存的值在使用后被原地修改；反向传播会算出错误的梯度，因此 PyTorch 拒绝执行。请使用非原地运算（y = y * 2，而不是 y *= 2）。</translation>
    </message>
    <message>
        <source>the result is a {kind}, not a tensor</source>
        <translation>结果是 {kind}，不是张量</translation>
    </message>
    <message>
        <source>evaluate the code first</source>
        <translation>请先对代码求值</translation>
    </message>
    <message>
        <source>{name}: a leaf needs a name like x</source>
        <translation>{name}：叶子需要一个名字，例如 x</translation>
    </message>
    <message>
        <source>{name}: two leaves have this name</source>
        <translation>{name}：有两个叶子同名</translation>
    </message>
    <message>
        <source>a result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>has an unknown kind {kind}</source>
        <translation>的类型 {kind} 未知</translation>
    </message>
    <message>
        <source>must be a number, not true/false</source>
        <translation>必须是数字，不能是 true/false</translation>
    </message>
    <message>
        <source>must be a number, got {value}</source>
        <translation>必须是数字，实际为 {value}</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>必须是有限数</translation>
    </message>
    <message>
        <source>must be at least {minimum}, got {got}</source>
        <translation>必须至少为 {minimum}，实际为 {got}</translation>
    </message>
    <message>
        <source>must be a list of whole numbers, got {value}</source>
        <translation>必须是整数列表，实际为 {value}</translation>
    </message>
    <message>
        <source>must hold at most {n} numbers</source>
        <translation>最多只能包含 {n} 个数</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>must divide num_channels ({n})</source>
        <translation>必须整除 num_channels（{n}）</translation>
    </message>
    <message>
        <source>must be greater than min_val</source>
        <translation>必须大于 min_val</translation>
    </message>
    <message>
        <source>&apos;same&apos; needs stride 1</source>
        <translation>&apos;same&apos; 需要 stride 为 1</translation>
    </message>
    <message>
        <source>must be a whole number, got {value}</source>
        <translation>必须是整数，实际为 {value}</translation>
    </message>
    <message>
        <source>must be at most {max} in size</source>
        <translation>的绝对值最多为 {max}</translation>
    </message>
    <message>
        <source>must be below {maximum}, got {got}</source>
        <translation>必须小于 {maximum}，实际为 {got}</translation>
    </message>
    <message>
        <source>must be at most {maximum}, got {got}</source>
        <translation>必须至多为 {maximum}，实际为 {got}</translation>
    </message>
    <message>
        <source>must be true or false, got {value}</source>
        <translation>必须是 true 或 false，实际为 {value}</translation>
    </message>
    <message>
        <source>must be one of {choices}, got {value}</source>
        <translation>必须是 {choices} 之一，实际为 {value}</translation>
    </message>
    <message>
        <source>must be one number or one per dimension (dimensions: {dims}); numbers given: {got}</source>
        <translation>必须是 1 个数或 {dims} 个数，实际为 {got} 个</translation>
    </message>
    <message>
        <source>is not an argument of this layer</source>
        <translation>不是该层的参数</translation>
    </message>
    <message>
        <source>must divide in_channels and out_channels</source>
        <translation>必须同时整除 in_channels 和 out_channels</translation>
    </message>
    <message>
        <source>{layer}: {field} {reason}</source>
        <translation>{layer}：{field} {reason}</translation>
    </message>
    <message>
        <source>U(a, b): a = {a}, b = {b}</source>
        <translation>U(a, b)：a = {a}，b = {b}</translation>
    </message>
    <message>
        <source>std = gain · √(2 / (fan_in + fan_out)) = {gain} · √(2 / ({fan_in} + {fan_out})) = {std}; values N(0, std²)</source>
        <translation>std = gain · √(2 / (fan_in + fan_out)) = {gain} · √(2 / ({fan_in} + {fan_out})) = {std}；取值服从 N(0, std²)</translation>
    </message>
    <message>
        <source>std = gain / √{mode} = {gain} / √{fan} = {std}; values N(0, std²)</source>
        <translation>std = gain / √{mode} = {gain} / √{fan} = {std}；取值服从 N(0, std²)</translation>
    </message>
    <message>
        <source>weight: kaiming_uniform_(a=√5), so bound = gain · √(3 / fan_in) with gain = √(1/3)</source>
        <translation>weight：kaiming_uniform_(a=√5)，因此 bound = gain · √(3 / fan_in)，其中 gain = √(1/3)</translation>
    </message>
    <message>
        <source>bias: uniform_(-bound, bound) with the weight&apos;s fan-in</source>
        <translation>bias：uniform_(-bound, bound)，使用权重的 fan_in</translation>
    </message>
    <message>
        <source>no theory known for {layer}.reset_parameters()</source>
        <translation>{layer}.reset_parameters() 没有已知的理论分布</translation>
    </message>
    <message>
        <source>no theory known for this layer&apos;s reset_parameters()</source>
        <translation>该层的 reset_parameters() 没有已知的理论分布</translation>
    </message>
    <message>
        <source>N(mean, std²) cut to [a, b]: mean = {mean}, std = {std}, a = {a}, b = {b} (a and b are values, not multiples of std)</source>
        <translation>截断到 [a, b] 的 N(mean, std²)：mean = {mean}，std = {std}，a = {a}，b = {b}（a 和 b 是取值，不是 std 的倍数）</translation>
    </message>
    <message>
        <source>density φ((x-mean)/std) / (std · (Φ((b-mean)/std) - Φ((a-mean)/std))) on [a, b]</source>
        <translation>在 [a, b] 上的密度为 φ((x-mean)/std) / (std · (Φ((b-mean)/std) - Φ((a-mean)/std)))</translation>
    </message>
    <message>
        <source>flattened to ({rows}, {cols}); its rows are orthonormal (Q of a QR), times gain</source>
        <translation>展平为 ({rows}, {cols})；各行正交归一（QR 分解中的 Q），再乘以 gain</translation>
    </message>
    <message>
        <source>flattened to ({rows}, {cols}); its columns are orthonormal (Q of a QR), times gain</source>
        <translation>展平为 ({rows}, {cols})；各列正交归一（QR 分解中的 Q），再乘以 gain</translation>
    </message>
    <message>
        <source>each value: gain × one coordinate of a random unit vector in R^{n}; std = |gain| / √{n} = {std}</source>
        <translation>每个值：gain × R^{n} 中随机单位向量的一个坐标；std = |gain| / √{n} = {std}</translation>
    </message>
    <message>
        <source>a = gain · √(6 / (fan_in + fan_out)) = {gain} · √(6 / ({fan_in} + {fan_out})) = {bound}; values U(-a, a)</source>
        <translation>a = gain · √(6 / (fan_in + fan_out)) = {gain} · √(6 / ({fan_in} + {fan_out})) = {bound}；取值服从 U(-a, a)</translation>
    </message>
    <message>
        <source>bound = gain · √(3 / {mode}) = {gain} · √(3 / {fan}) = {bound}; values U(-bound, bound)</source>
        <translation>bound = gain · √(3 / {mode}) = {gain} · √(3 / {fan}) = {bound}；取值服从 U(-bound, bound)</translation>
    </message>
    <message>
        <source>every value is {value}</source>
        <translation>每个值都是 {value}</translation>
    </message>
    <message>
        <source>bound = 1 / √fan_in = 1 / √{fan_in} = {bound}; values U(-bound, bound)</source>
        <translation>bound = 1 / √fan_in = 1 / √{fan_in} = {bound}；取值服从 U(-bound, bound)</translation>
    </message>
    <message>
        <source>identity: ones on the diagonal ({ones}), zeros elsewhere ({zeros})</source>
        <translation>单位矩阵：对角线上 {ones} 个 1，其余 {zeros} 个 0</translation>
    </message>
    <message>
        <source>N(mean, std²): mean = {mean}, std = {std}</source>
        <translation>N(mean, std²)：mean = {mean}，std = {std}</translation>
    </message>
    <message>
        <source>a different input</source>
        <translation>不同的输入</translation>
    </message>
    <message>
        <source>at index {key}</source>
        <translation>索引 {key} 处</translation>
    </message>
    <message>
        <source>at {key}</source>
        <translation>{key} 处</translation>
    </message>
    <message>
        <source>last dimension {n}</source>
        <translation>最后一维为 {n}</translation>
    </message>
    <message>
        <source>a {a}-D or {b}-D input (N, C, {dims})</source>
        <translation>{a} 维或 {b} 维输入 (N, C, {dims})</translation>
    </message>
    <message>
        <source>dimension {dim} of size {n} (channels)</source>
        <translation>第 {dim} 维有 {n} 个通道</translation>
    </message>
    <message>
        <source>a {a}-D or {b}-D input</source>
        <translation>{a} 维或 {b} 维输入</translation>
    </message>
    <message>
        <source>a {a}-D input</source>
        <translation>{a} 维输入</translation>
    </message>
    <message>
        <source>dimension 1 of size {n} (features)</source>
        <translation>第 1 维有 {n} 个特征</translation>
    </message>
    <message>
        <source>trailing dimensions {dims}</source>
        <translation>末尾几维为 {dims}</translation>
    </message>
    <message>
        <source>must be non-empty, without dots or outer spaces, like hidden</source>
        <translation>不能为空，不能含点号或首尾空格，例如 hidden</translation>
    </message>
    <message>
        <source>{name} is a Module attribute in PyTorch</source>
        <translation>{name} 是 PyTorch 中 Module 的属性</translation>
    </message>
    <message>
        <source>index {index} is already used as a name here</source>
        <translation>索引 {index} 已在此处被用作名字</translation>
    </message>
    <message>
        <source>{name} is already used in this block</source>
        <translation>{name} 已在此块中使用</translation>
    </message>
    <message>
        <source>a {kind}</source>
        <translation>一个 {kind}</translation>
    </message>
    <message>
        <source>a single tensor of shape {shape}</source>
        <translation>一个形状为 {shape} 的单独张量</translation>
    </message>
    <message>
        <source>a {kind} (items: {n})</source>
        <translation>一个含 {n} 项的 {kind}</translation>
    </message>
    <message>
        <source>{name} holds {what}, not a state dict (use Inspect to look inside)</source>
        <translation>{name} 中是{what}，不是 state_dict（可用“查看”打开其内容）</translation>
    </message>
    <message>
        <source>saved on {devices}, loaded onto {target}</source>
        <translation>保存于 {devices}，加载到 {target}</translation>
    </message>
    <message>
        <source>{name} is empty</source>
        <translation>{name} 是空文件</translation>
    </message>
    <message>
        <source>{name} is a Git LFS pointer, not the file itself (run `git lfs pull`)</source>
        <translation>{name} 是 Git LFS 指针，不是文件本身（请运行 `git lfs pull`）</translation>
    </message>
    <message>
        <source>{name} is too short to be a safetensors file</source>
        <translation>{name} 太短，不可能是 safetensors 文件</translation>
    </message>
    <message>
        <source>{name} is not a safetensors file (bad header)</source>
        <translation>{name} 不是 safetensors 文件（文件头错误）</translation>
    </message>
    <message>
        <source>{name} is truncated (header longer than the file)</source>
        <translation>{name} 已被截断（文件头比文件还长）</translation>
    </message>
    <message>
        <source>{name}: no such file</source>
        <translation>{name}：文件不存在</translation>
    </message>
    <message>
        <source>{name} is truncated or not a safetensors file</source>
        <translation>{name} 已被截断，或不是 safetensors 文件</translation>
    </message>
    <message>
        <source>a dict with keys {keys}</source>
        <translation>一个键为 {keys} 的字典</translation>
    </message>
    <message>
        <source>an empty dict</source>
        <translation>一个空字典</translation>
    </message>
    <message>
        <source>keys that match: {n}</source>
        <translation>{n} 个键匹配</translation>
    </message>
    <message>
        <source>missing in the file: {key}</source>
        <translation>文件中缺少：{key}</translation>
    </message>
    <message>
        <source>{keys} are one tied tensor in the model but differ in the file: {last} wins</source>
        <translation>{keys} 在模型中是同一个绑定张量，但在文件中取值不同：以 {last} 为准</translation>
    </message>
    <message>
        <source>not in the model: {key}</source>
        <translation>模型中没有：{key}</translation>
    </message>
    <message>
        <source>{key}: file has shape {file}, model has {model}</source>
        <translation>{key}：文件中形状为 {file}，模型中为 {model}</translation>
    </message>
    <message>
        <source>the model has lazy layers that are not initialized yet ({keys}): run a forward pass first, then load</source>
        <translation>模型中有尚未初始化的延后初始化层（{keys}）：请先运行一次前向传播，再加载</translation>
    </message>
    <message>
        <source>strict load refused, nothing changed: {reason}</source>
        <translation>拒绝严格加载，未做任何更改：{reason}</translation>
    </message>
    <message>
        <source>no key of the file matches the model; nothing changed</source>
        <translation>文件中没有与模型匹配的键；未做任何更改</translation>
    </message>
    <message>
        <source>{name} is not a readable safetensors file: {first}</source>
        <translation>{name} 不是可读取的 safetensors 文件：{first}</translation>
    </message>
    <message>
        <source>{n} missing</source>
        <translation>{n} 个缺失</translation>
    </message>
    <message>
        <source>{n} unexpected</source>
        <translation>{n} 个多余</translation>
    </message>
    <message>
        <source>{n} with the wrong shape</source>
        <translation>{n} 个形状不符</translation>
    </message>
    <message>
        <source>{n} not initialized (lazy)</source>
        <translation>{n} 个未初始化（延后初始化）</translation>
    </message>
    <message>
        <source>{n} tied with different values in the file</source>
        <translation>{n} 组绑定参数在文件中取值不同</translation>
    </message>
    <message>
        <source>{keys}: lazy layer not initialized yet; run a forward pass first, then load</source>
        <translation>{keys}：延后初始化层尚未初始化；请先运行一次前向传播，再加载</translation>
    </message>
    <message>
        <source>not initialized yet: run a forward or train a step</source>
        <translation>尚未初始化：请先运行一次前向传播，或训练一步</translation>
    </message>
    <message>
        <source>the &apos;{key}&apos; entry of a checkpoint dict (it also holds {others})</source>
        <translation>检查点字典的 &apos;{key}&apos; 条目（其中还有 {others}）</translation>
    </message>
    <message>
        <source>the &apos;{key}&apos; entry of a checkpoint dict</source>
        <translation>检查点字典的 &apos;{key}&apos; 条目</translation>
    </message>
    <message>
        <source>{name} was refused: loading it would run code from the file ({what})</source>
        <translation>已拒绝 {name}：加载它会运行文件中的代码（{what}）</translation>
    </message>
    <message>
        <source>{name} holds a whole model using nn.{layer}, which the app does not offer</source>
        <translation>{name} 中是使用 nn.{layer} 的完整模型，本应用不提供该层</translation>
    </message>
    <message>
        <source>{name} holds a whole model of class {cls}: its forward is Python code the file does not carry, so the app cannot know how its layers connect; save an nn.Sequential, or its state_dict</source>
        <translation>{name} 中是类 {cls} 的完整模型：它的 forward 是文件中没有的 Python 代码，因此本应用无法知道各层如何连接；请保存为 nn.Sequential，或保存它的 state_dict</translation>
    </message>
    <message>
        <source>{name} holds a whole model in the legacy (non-zip) format, which cannot be read without running code; re-save it with a current torch.save</source>
        <translation>{name} 中是旧（非 zip）格式的完整模型，不运行代码就无法读取；请用当前版本的 torch.save 重新保存</translation>
    </message>
    <message>
        <source>the rebuilt model&apos;s keys differ from the file&apos;s (first: {key})</source>
        <translation>重建模型的键与文件中的不同（第一个：{key}）</translation>
    </message>
    <message>
        <source>{name}: cannot read the model ({first})</source>
        <translation>{name}：无法读取模型（{first}）</translation>
    </message>
    <message>
        <source>{where} is None: not a layer</source>
        <translation>{where} 是 None：不是层</translation>
    </message>
    <message>
        <source>{name} does not hold a whole model</source>
        <translation>{name} 中不是完整模型</translation>
    </message>
    <message>
        <source>{file}: {what}: {error}</source>
        <translation>{file}：{what}：{error}</translation>
    </message>
    <message>
        <source>{file}, line {line}, in {func}: {error}</source>
        <translation>{file}，第 {line} 行，{func} 中：{error}</translation>
    </message>
    <message>
        <source>{file}, line {line}: {error}</source>
        <translation>{file}，第 {line} 行：{error}</translation>
    </message>
    <message>
        <source>{file} defines no nn.Module subclass</source>
        <translation>{file} 没有定义 nn.Module 子类</translation>
    </message>
    <message>
        <source>{file} has no nn.Module class {name} (it has: {have})</source>
        <translation>{file} 中没有 nn.Module 类 {name}（现有：{have}）</translation>
    </message>
    <message>
        <source>{file} is too large for a model file</source>
        <translation>{file} 太大，不像是模型文件</translation>
    </message>
    <message>
        <source>cannot read {file}: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text</source>
        <translation>{file} 不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>running the file</source>
        <translation>运行文件时</translation>
    </message>
    <message>
        <source>{file} has several classes ({names}); pass --class NAME</source>
        <translation>{file} 中有多个类（{names}）；请用 --class NAME 指定</translation>
    </message>
    <message>
        <source>{name}: cannot tell its input shape; pass --input-shape, like 2,20</source>
        <translation>{name}：无法判断其输入形状；请用 --input-shape 指定，例如 2,20</translation>
    </message>
    <message>
        <source>{name} is not a readable PyTorch file: {first}</source>
        <translation>{name} 不是可读取的 PyTorch 文件：{first}</translation>
    </message>
    <message>
        <source>{name} is truncated or corrupted (not a complete PyTorch zip file)</source>
        <translation>{name} 已被截断或损坏（不是完整的 PyTorch zip 文件）</translation>
    </message>
    <message>
        <source>{name} is not a PyTorch file: it is {kind}</source>
        <translation>{name} 不是 PyTorch 文件：它是{kind}</translation>
    </message>
    <message>
        <source>its contents cannot be read as weights</source>
        <translation>其内容无法作为权重读取</translation>
    </message>
    <message>
        <source>unknown objects</source>
        <translation>未知对象</translation>
    </message>
    <message>
        <source>{name} was refused: loading it would run code from the file (it asks for {names}). Only weights-only files are opened.</source>
        <translation>已拒绝 {name}：加载它会运行文件中的代码（它需要 {names}）。只打开仅含权重的文件。</translation>
    </message>
    <message>
        <source>a text file</source>
        <translation>文本文件</translation>
    </message>
    <message>
        <source>in an unknown format</source>
        <translation>未知格式</translation>
    </message>
    <message>
        <source>{key}.weight has shape {shape}: no layer type fits</source>
        <translation>{key}.weight 的形状为 {shape}：没有合适的层类型</translation>
    </message>
    <message>
        <source>--between {value}: choose one of {choices}</source>
        <translation>--between {value}：请从 {choices} 中选择</translation>
    </message>
    <message>
        <source>{key}: cannot tell the layer from {names}</source>
        <translation>{key}：无法从 {names} 判断层的类型</translation>
    </message>
    <message>
        <source>the state dict is empty</source>
        <translation>state_dict 为空</translation>
    </message>
    <message>
        <source>imports are built on the CPU; move the model afterwards</source>
        <translation>导入的模型在 CPU 上构建；之后再移动模型</translation>
    </message>
    <message>
        <source>{where} has both tensors ({tensors}) and sub-modules: not an nn.Sequential</source>
        <translation>{where} 既有张量（{tensors}）又有子模块：不是 nn.Sequential</translation>
    </message>
    <message>
        <source>the file does not keep the order of {where}&apos;s named children ({names}): safetensors sorts them by name, and the app will not invent an order (a .pt file, or one saved by this app, keeps it)</source>
        <translation>文件没有保留 {where} 的命名子模块（{names}）的顺序：safetensors 按名字排序，本应用不会臆造顺序（.pt 文件或本应用保存的文件会保留顺序）</translation>
    </message>
    <message>
        <source>the inferred model is not valid: {reason}</source>
        <translation>推断出的模型无效：{reason}</translation>
    </message>
    <message>
        <source>the model takes samples of shape {want}, {name} has {has}</source>
        <translation>模型接受形状为 {want} 的样本，{name} 的样本形状为 {has}</translation>
    </message>
    <message>
        <source>model outputs: {got}; target columns of {name}: {width}</source>
        <translation>模型给出 {got} 个输出，{name} 有 {width} 个目标列</translation>
    </message>
    <message>
        <source>model outputs: {got}; classes of {name}: {width}</source>
        <translation>模型给出 {got} 个输出，{name} 有 {width} 个类别</translation>
    </message>
    <message>
        <source>{a}; {b}</source>
        <translation>{a}；{b}</translation>
    </message>
    <message>
        <source>no arguments</source>
        <translation>无参数</translation>
    </message>
    <message>
        <source>{scheme} has no argument {names} (it takes {takes})</source>
        <translation>{scheme} 没有参数 {names}（它接受 {takes}）</translation>
    </message>
    <message>
        <source>{scheme}: {name} must be one of {choices}, got {value}</source>
        <translation>{scheme}：{name} 必须是 {choices} 之一，实际为 {value}</translation>
    </message>
    <message>
        <source>{scheme}: {name} must be a number, got {value}</source>
        <translation>{scheme}：{name} 必须是数字，实际为 {value}</translation>
    </message>
    <message>
        <source>{scheme}: {name} must be finite</source>
        <translation>{scheme}：{name} 必须是有限数</translation>
    </message>
    <message>
        <source>{scheme}: {name} must be at least {minimum}, got {value}</source>
        <translation>{scheme}：{name} 必须至少为 {minimum}，实际为 {value}</translation>
    </message>
    <message>
        <source>uniform_: a must not exceed b (got a={a}, b={b})</source>
        <translation>uniform_：a 不能大于 b（实际 a={a}，b={b}）</translation>
    </message>
    <message>
        <source>trunc_normal_: a must be below b (got a={a}, b={b})</source>
        <translation>trunc_normal_：a 必须小于 b（实际 a={a}，b={b}）</translation>
    </message>
    <message>
        <source>{name} ({layer} has no reset_parameters)</source>
        <translation>{name}（{layer} 没有 reset_parameters）</translation>
    </message>
    <message>
        <source>exactly 2 dimensions (a matrix)</source>
        <translation>恰好 2 维（矩阵）</translation>
    </message>
    <message>
        <source>at least 2 dimensions (fan-in and fan-out need a matrix or a kernel)</source>
        <translation>至少 2 维（fan_in 和 fan_out 需要矩阵或卷积核）</translation>
    </message>
    <message>
        <source>a layer with reset_parameters()</source>
        <translation>带 reset_parameters() 的层</translation>
    </message>
    <message>
        <source>{scheme} needs {need}; it cannot take {cannot}. Target weights only, or another scheme.</source>
        <translation>{scheme} 需要{need}；它不能用于 {cannot}。请只选择权重，或换一种方法。</translation>
    </message>
    <message>
        <source>{names} is not initialized yet: a lazy layer learns its input size, and so the shape of its parameters, only in the first forward pass. Run one forward first (the app can do it with a random input of the model&apos;s input shape).</source>
        <translation>{names} 尚未初始化：延后初始化层要到第一次前向传播时才知道输入大小，也才知道其参数的形状。请先运行一次前向传播（本应用可以用符合模型输入形状的随机输入来完成）。</translation>
    </message>
    <message>
        <source>{names} are not initialized yet: a lazy layer learns its input size, and so the shape of its parameters, only in the first forward pass. Run one forward first (the app can do it with a random input of the model&apos;s input shape).</source>
        <translation>{names} 尚未初始化：延后初始化层要到第一次前向传播时才知道输入大小，也才知道其参数的形状。请先运行一次前向传播（本应用可以用符合模型输入形状的随机输入来完成）。</translation>
    </message>
    <message>
        <source>no layer {key} in this model</source>
        <translation>此模型中没有层 {key}</translation>
    </message>
    <message>
        <source>no parameter {names} in this model</source>
        <translation>此模型中没有参数 {names}</translation>
    </message>
    <message>
        <source>no parameters match the target ({target})</source>
        <translation>没有参数符合目标（{target}）</translation>
    </message>
    <message>
        <source>a block cannot be moved into itself</source>
        <translation>块不能移动到它自身之中</translation>
    </message>
    <message>
        <source>a block has no arguments</source>
        <translation>块没有参数</translation>
    </message>
    <message>
        <source>cannot insert at {index} (children in the block: {n})</source>
        <translation>无法插入到位置 {index}：该块只有 {n} 个子项</translation>
    </message>
    <message>
        <source>format version {version} is not supported here</source>
        <translation>这里不支持格式版本 {version}</translation>
    </message>
    <message>
        <source>no layer at {path}</source>
        <translation>{path} 处没有层</translation>
    </message>
    <message>
        <source>not a block</source>
        <translation>不是块</translation>
    </message>
    <message>
        <source>nothing selected</source>
        <translation>未选择</translation>
    </message>
    <message>
        <source>only a block can be ungrouped</source>
        <translation>只有块才能取消分组</translation>
    </message>
    <message>
        <source>only a single layer can be shared</source>
        <translation>只有单个层才能共享</translation>
    </message>
    <message>
        <source>only blocks collapse</source>
        <translation>只有块可以折叠</translation>
    </message>
    <message>
        <source>only layers of the same block can be grouped</source>
        <translation>只有同一块中的层才能分组</translation>
    </message>
    <message>
        <source>select layers to group</source>
        <translation>请选择要分组的层</translation>
    </message>
    <message>
        <source>the model takes samples of shape {want} (input {input}), but {name} has samples of shape {has}: change the first layer or the input shape, or pick the &apos;teacher&apos; dataset</source>
        <translation>模型接受形状为 {want} 的样本（输入 {input}），但 {name} 的样本形状为 {has}：请修改第一层或输入形状，或选择“teacher”数据集</translation>
    </message>
    <message>
        <source>this layer is not tied</source>
        <translation>该层没有绑定参数</translation>
    </message>
    <message>
        <source>{name} holds Python objects: object arrays are refused (they could run code)</source>
        <translation>{name} 中含有 Python 对象：拒绝对象数组（它们可能运行代码）</translation>
    </message>
    <message>
        <source>{name} holds {dtype} values; use an array of numbers</source>
        <translation>{name} 中是 {dtype} 类型的值；请使用数值数组</translation>
    </message>
    <message>
        <source>{name} is a device or a pipe, not a data file</source>
        <translation>{name} 是设备或管道，不是数据文件</translation>
    </message>
    <message>
        <source>{name} is a folder, not a data file</source>
        <translation>{name} 是文件夹，不是数据文件</translation>
    </message>
    <message>
        <source>{name} is not a readable .npy file: {first}</source>
        <translation>{name} 不是可读取的 .npy 文件：{first}</translation>
    </message>
    <message>
        <source>{name} is not a readable safetensors file: {e}</source>
        <translation>{name} 不是可读取的 safetensors 文件：{e}</translation>
    </message>
    <message>
        <source>{name} is too large for a CSV file here</source>
        <translation>{name} 太大，这里无法作为 CSV 文件读取</translation>
    </message>
    <message>
        <source>{name}: X has {n_x} samples but y has {n_y}</source>
        <translation>{name}：X 有 {n_x} 个样本，而 y 有 {n_y} 个</translation>
    </message>
    <message>
        <source>{name}: a dict needs keys &apos;X&apos; and &apos;y&apos; (it has {keys})</source>
        <translation>{name}：字典需要键 &apos;X&apos; 和 &apos;y&apos;（现有 {keys}）</translation>
    </message>
    <message>
        <source>{name}: cannot open ({reason})</source>
        <translation>{name}：无法打开（{reason}）</translation>
    </message>
    <message>
        <source>{name}: integer targets are class labels and must be 0 or more</source>
        <translation>{name}：整数目标是类别标签，必须大于等于 0</translation>
    </message>
    <message>
        <source>{name}: needs at least 2 samples</source>
        <translation>{name}：至少需要 2 个样本</translation>
    </message>
    <message>
        <source>{name}: needs at least two columns (inputs, then the target)</source>
        <translation>{name}：至少需要两列（先是输入，最后是目标）</translation>
    </message>
    <message>
        <source>{name}: not a table of numbers ({e})</source>
        <translation>{name}：不是数值表格（{e}）</translation>
    </message>
    <message>
        <source>{name}: unknown kind of file; use {kinds}</source>
        <translation>{name}：未知的文件类型；请使用 {kinds}</translation>
    </message>
    <message>
        <source>{name}: {what} has dtype {dtype}; use float or integer numbers</source>
        <translation>{name}：{what} 的 dtype 为 {dtype}；请使用浮点数或整数</translation>
    </message>
    <message>
        <source>{name}: {what} must be a tensor, got {kind}</source>
        <translation>{name}：{what} 必须是张量，实际为 {kind}</translation>
    </message>
    <message>
        <source>&apos;settings&apos; must be an object</source>
        <translation>&apos;settings&apos; 必须是对象</translation>
    </message>
    <message>
        <source>&apos;title&apos; must be text</source>
        <translation>&apos;title&apos; 必须是文本</translation>
    </message>
    <message>
        <source>a project file must hold a JSON object</source>
        <translation>项目文件必须包含一个 JSON 对象</translation>
    </message>
    <message>
        <source>cannot open {name}: {reason}</source>
        <translation>无法打开 {name}：{reason}</translation>
    </message>
    <message>
        <source>not an NN Explorer project (kind {kind})</source>
        <translation>不是 NN Explorer 项目（kind 为 {kind}）</translation>
    </message>
    <message>
        <source>{name} cannot be used: {reason}</source>
        <translation>{name} 无法使用：{reason}</translation>
    </message>
    <message>
        <source>{name} is not a regular file</source>
        <translation>{name} 不是普通文件</translation>
    </message>
    <message>
        <source>{name} is not a text file (is it a checkpoint? use Inspect)</source>
        <translation>{name} 不是文本文件（是检查点吗？请用“查看”打开）</translation>
    </message>
    <message>
        <source>{name} is not valid JSON: {reason} at line {line}</source>
        <translation>{name} 不是有效的 JSON：第 {line} 行 {reason}</translation>
    </message>
    <message>
        <source>{name} is {size} MiB: too large for a project file</source>
        <translation>{name} 有 {size} MiB：对项目文件来说太大</translation>
    </message>
    <message>
        <source>device mismatch at step {step}: {where}</source>
        <translation>第 {step} 步设备不一致：{where}</translation>
    </message>
    <message>
        <source>device mismatch: {where}</source>
        <translation>设备不一致：{where}</translation>
    </message>
    <message>
        <source>layer {name} ({kind})</source>
        <translation>第 {name} 层（{kind}）</translation>
    </message>
    <message>
        <source>no gradients yet: press Backward before Step</source>
        <translation>还没有梯度：请先按“反向传播”，再按“单步”</translation>
    </message>
    <message>
        <source>out of memory on {device} at step {step}: try a smaller batch size or a smaller model ({text})</source>
        <translation>第 {step} 步 {device} 内存不足：请减小批量大小或使用更小的模型（{text}）</translation>
    </message>
    <message>
        <source>out of memory on {device}: try a smaller batch size or a smaller model ({text})</source>
        <translation>{device} 内存不足：请减小批量大小或使用更小的模型（{text}）</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>the {loss} loss failed at step {step}: {text}</source>
        <translation>第 {step} 步 {loss} 损失计算失败：{text}</translation>
    </message>
    <message>
        <source>the {loss} loss failed: {text}</source>
        <translation>{loss} 损失计算失败：{text}</translation>
    </message>
    <message>
        <source>{kind} at step {step}: {text}</source>
        <translation>第 {step} 步出现 {kind}：{text}</translation>
    </message>
    <message>
        <source>{what} at step {step} cannot take input of shape {shape}: {text}</source>
        <translation>{what}在第 {step} 步无法接受形状为 {shape} 的输入：{text}</translation>
    </message>
    <message>
        <source>{what} cannot take input of shape {shape}: {text}</source>
        <translation>{what}无法接受形状为 {shape} 的输入：{text}</translation>
    </message>
    <message>
        <source>{loss} needs outputs (batch, classes), got {shape}</source>
        <translation>{loss} 需要形状为 (batch, classes) 的输出，实际为 {shape}</translation>
    </message>
    <message>
        <source>{loss}: class labels of shape {labels} do not match outputs {shape}</source>
        <translation>{loss}：形状为 {labels} 的类别标签与输出 {shape} 不匹配</translation>
    </message>
    <message>
        <source>{loss}: labels go up to {top} but the model gives class scores: {classes}; make the last layer {wide} wide</source>
        <translation>{loss}：标签最大为 {top}，但模型只给出 {classes} 个类别得分；请把最后一层的宽度设为 {wide}</translation>
    </message>
    <message>
        <source>{loss} needs class labels; the targets are real numbers of shape {shape} (pick a classification dataset, or MSE)</source>
        <translation>{loss} 需要类别标签；目标是形状为 {shape} 的实数（请选择分类数据集，或使用 MSE）</translation>
    </message>
    <message>
        <source>{loss}: labels {labels} do not fit outputs {shape}</source>
        <translation>{loss}：标签 {labels} 与输出 {shape} 不匹配</translation>
    </message>
    <message>
        <source>{loss}: labels go up to {top} but the output's columns for one-hot targets: {columns}</source>
        <translation>{loss}：标签最大为 {top}，但输出只有 {columns} 列可用于独热目标</translation>
    </message>
    <message>
        <source>{loss}: the output has shape {shape} but the target has shape {target}; make the last layer {wide} wide</source>
        <translation>{loss}：输出形状为 {shape}，而目标形状为 {target}；请把最后一层的宽度设为 {wide}</translation>
    </message>
    <message>
        <source>the learning rate must be positive, got {lr}</source>
        <translation>学习率必须为正数，实际为 {lr}</translation>
    </message>
    <message>
        <source>momentum and weight decay must be 0 or more</source>
        <translation>动量和权重衰减必须大于等于 0</translation>
    </message>
    <message>
        <source>the model has no parameters to optimize</source>
        <translation>模型没有可优化的参数</translation>
    </message>
    <message>
        <source>{key} is a {type_name}, which is not a layer of the palette; only torch.nn layers the app knows can go into a Sequential</source>
        <translation>{key} 是 {type_name}，不在层库中；只有本应用认识的 torch.nn 层才能放进 Sequential</translation>
    </message>
    <message>
        <source>{key} is a lazy layer ({type_name}); run a forward first</source>
        <translation>{key} 是延后初始化的层（{type_name}）；请先运行一次前向传播</translation>
    </message>
    <message>
        <source>cannot read the arguments of {key} ({type_name}): {reason}</source>
        <translation>无法读取 {key}（{type_name}）的参数：{reason}</translation>
    </message>
    <message>
        <source>cannot read the arguments of {key}: {given} came back as {rebuilt}</source>
        <translation>无法读取 {key} 的参数：{given} 重建后变成了 {rebuilt}</translation>
    </message>
    <message>
        <source>torch.fx cannot trace {cls}.forward ({first}); its control flow depends on the data, so it is not a fixed chain of layers</source>
        <translation>torch.fx 无法追踪 {cls}.forward（{first}）；它的控制流依赖于数据，因此不是固定的层链</translation>
    </message>
    <message>
        <source>{cls}.forward takes {n} inputs; a Sequential takes one</source>
        <translation>{cls}.forward 接收 {n} 个输入；Sequential 只接收一个</translation>
    </message>
    <message>
        <source>{cls}.forward does not return the last step&apos;s result</source>
        <translation>{cls}.forward 返回的不是最后一步的结果</translation>
    </message>
    <message>
        <source>{cls}.forward uses the tensor self.{target} directly; a Sequential holds only layers</source>
        <translation>{cls}.forward 直接使用了张量 self.{target}；Sequential 只能包含层</translation>
    </message>
    <message>
        <source>{cls}.forward is not a straight chain: {step} does not take just the previous step&apos;s result (a skip connection, or several inputs)</source>
        <translation>{cls}.forward 不是一条直链：{step} 的输入不只是上一步的结果（有跳跃连接，或有多个输入）</translation>
    </message>
    <message>
        <source>{cls}.forward calls {target} twice; a Sequential would list its weights under two keys, which the class does not have</source>
        <translation>{cls}.forward 调用了 {target} 两次；Sequential 会把它的权重列在两个键下，而这个类没有这些键</translation>
    </message>
    <message>
        <source>{cls}.forward calls {step}, which has no layer in the palette</source>
        <translation>{cls}.forward 调用了 {step}，层库中没有对应的层</translation>
    </message>
    <message>
        <source>{cls}.forward calls {step} with arguments a {type_name} layer cannot take</source>
        <translation>{cls}.forward 调用 {step} 时使用了 {type_name} 层无法接受的参数</translation>
    </message>
    <message>
        <source>{cls} has {key} with weights that forward never uses; the Sequential would not have its keys</source>
        <translation>{cls} 中的 {key} 有权重，但 forward 从未使用它；转换后的 Sequential 不会有这些键</translation>
    </message>
    <message>
        <source>{cls} holds tensors of its own; a Sequential holds only layers</source>
        <translation>{cls} 自己持有张量；Sequential 只能包含层</translation>
    </message>
    <message>
        <source>{name} is used in two separate places of the chain; a Sequential holds each child once</source>
        <translation>{name} 出现在链中两个不相连的位置；Sequential 中每个子模块只能出现一次</translation>
    </message>
    <message>
        <source>{where}: its forward cannot be read as one input, one output</source>
        <translation>{where}：它的 forward 无法读作“一个输入、一个输出”</translation>
    </message>
    <message>
        <source>{where}: {func}</source>
        <translation>{where}：{func}</translation>
    </message>
    <message>
        <source>the input of {what}</source>
        <translation>{what} 的输入</translation>
    </message>
    <message>
        <source>the output of {what}</source>
        <translation>{what} 的输出</translation>
    </message>
    <message>
        <source>{what}: takes {got}, not {expected} (not a chain)</source>
        <translation>{what}：接收的是 {got}，而不是 {expected}（不是一条链）</translation>
    </message>
    <message>
        <source>{where}: forward calls {func}, which is not a child</source>
        <translation>{where}：forward 调用了 {func}，它不是子模块</translation>
    </message>
    <message>
        <source>the input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>several values</source>
        <translation>多个值</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} 和 {second}</translation>
    </message>
    <message>
        <source>{where}: the outputs of {joined} are joined with {func} (branches, not a chain)</source>
        <translation>{where}：{joined} 的输出用 {func} 拼接在一起（是分支，不是一条链）</translation>
    </message>
    <message>
        <source>{where}: forward calls {func} with arguments a layer lacks</source>
        <translation>{where}：forward 调用 {func} 时使用了层所没有的参数</translation>
    </message>
    <message>
        <source>{late}: its output is added to {early} ({kind})</source>
        <translation>{late}：它的输出与 {early}相加（{kind}）</translation>
    </message>
    <message>
        <source>{late}: its output is subtracted from {early} ({kind})</source>
        <translation>{late}：{early}减去了它的输出（{kind}）</translation>
    </message>
    <message>
        <source>{late}: its output is multiplied by {early} ({kind})</source>
        <translation>{late}：它的输出与 {early}相乘（{kind}）</translation>
    </message>
    <message>
        <source>a residual</source>
        <translation>残差连接</translation>
    </message>
    <message>
        <source>not a chain</source>
        <translation>不是一条链</translation>
    </message>
    <message>
        <source>{where}: forward calls {func} (not a layer)</source>
        <translation>{where}：forward 调用了 {func}（不是层）</translation>
    </message>
    <message>
        <source>{where}: forward computes {code} (not a layer)</source>
        <translation>{where}：forward 计算了 {code}（不是层）</translation>
    </message>
    <message>
        <source>{where}: forward has {code}</source>
        <translation>{where}：forward 中有 {code}</translation>
    </message>
    <message>
        <source>{where}: forward does not return its last step&apos;s output</source>
        <translation>{where}：forward 返回的不是最后一步的输出</translation>
    </message>
    <message>
        <source>{name}: the TorchScript archive asks for {what}</source>
        <translation>{name}：这个 TorchScript 归档需要 {what}</translation>
    </message>
    <message>
        <source>{name}: unknown TorchScript storage {pid}</source>
        <translation>{name}：未知的 TorchScript 存储 {pid}</translation>
    </message>
    <message>
        <source>{name} is not a TorchScript archive</source>
        <translation>{name} 不是 TorchScript 归档</translation>
    </message>
    <message>
        <source>{name} is a damaged TorchScript archive ({detail})</source>
        <translation>{name} 是损坏的 TorchScript 归档（{detail}）</translation>
    </message>
    <message>
        <source>{what} is not a module</source>
        <translation>{what} 不是模块</translation>
    </message>
    <message>
        <source>{where}: called again through a traced copy of its forward that does not compute the same chain (not a chain)</source>
        <translation>{where}：通过其 forward 的追踪副本再次被调用，而该副本计算的不是同一条链（不是一条链）</translation>
    </message>
    <message>
        <source>{where} contains itself: not a chain</source>
        <translation>{where} 包含了它自身：不是一条链</translation>
    </message>
    <message>
        <source>the model has too many layers in use (limit: {n})</source>
        <translation>模型使用的层过多（上限：{n}）</translation>
    </message>
    <message>
        <source>{key} shares its tensors with {first}, but the two layers differ (the app ties whole, equal layers)</source>
        <translation>{key} 与 {first} 共享张量，但这两层并不相同（本应用只绑定完整且相同的层）</translation>
    </message>
    <message>
        <source>{where} is never called in forward: not a chain</source>
        <translation>{where} 在 forward 中从未被调用：不是一条链</translation>
    </message>
    <message>
        <source>{where}.{tname} is the same tensor as {other}.{oname}, but the two layers do not share all their tensors (the app ties whole layers)</source>
        <translation>{where}.{tname} 与 {other}.{oname} 是同一个张量，但这两层并未共享全部张量（本应用只绑定完整的层）</translation>
    </message>
    <message>
        <source>{where} is a {origin}: its forward is code, not a chain of torch.nn layers (only nn.Sequential models of torch.nn layers are imported exactly)</source>
        <translation>{where} 是 {origin}：它的 forward 是代码，而不是一条由 torch.nn 层组成的链（只有由 torch.nn 层组成的 nn.Sequential 模型才能精确导入）</translation>
    </message>
    <message>
        <source>{where} ({cls}) holds sub-modules {kinds}: not a chain</source>
        <translation>{where}（{cls}）包含子模块 {kinds}：不是一条链</translation>
    </message>
    <message>
        <source>{where} is nn.{type}, which the app does not offer</source>
        <translation>{where} 是 nn.{type}，本应用不提供这种层</translation>
    </message>
    <message>
        <source>{where} (nn.{type}): the file does not say its {arg}</source>
        <translation>{where}（nn.{type}）：文件中没有记录它的 {arg}</translation>
    </message>
    <message>
        <source>{where} (nn.{type}): {reason}</source>
        <translation>{where}（nn.{type}）：{reason}</translation>
    </message>
    <message>
        <source>{where} (nn.{type})</source>
        <translation>{where}（nn.{type}）</translation>
    </message>
    <message>
        <source>{where}: {name}={theirs} cannot be rebuilt (the app makes {ours})</source>
        <translation>{where}：无法重建 {name}={theirs}（本应用生成的是 {ours}）</translation>
    </message>
    <message>
        <source>{where}: the file has {name}, the rebuilt layer does not agree</source>
        <translation>{where}：文件中有 {name}，但重建的层与之不符</translation>
    </message>
    <message>
        <source>{where}: the file has no {name}, the rebuilt layer does not agree</source>
        <translation>{where}：文件中没有 {name}，但重建的层与之不符</translation>
    </message>
    <message>
        <source>{where}: {name} has shape {theirs}, the rebuilt layer {ours}</source>
        <translation>{where}：{name} 的形状是 {theirs}，重建的层是 {ours}</translation>
    </message>
    <message>
        <source>input shape not in the file: (2, 20) assumed</source>
        <translation>文件中没有输入形状：假定为 (2, 20)</translation>
    </message>
    <message>
        <source>input shape not in the file: {shape} assumed</source>
        <translation>文件中没有输入形状：假定为 {shape}</translation>
    </message>
    <message>
        <source>input length not in the file, and no size up to {limit} runs: 28 assumed</source>
        <translation>文件中没有输入长度，且不超过 {limit} 的长度都无法运行：假定为 28</translation>
    </message>
    <message>
        <source>input size not in the file, and no size up to {limit} runs: 28 assumed</source>
        <translation>文件中没有输入尺寸，且不超过 {limit} 的尺寸都无法运行：假定为 28</translation>
    </message>
    <message>
        <source>input length not in the file: {size} is the first common size that runs</source>
        <translation>文件中没有输入长度：{size} 是第一个能运行的常见长度</translation>
    </message>
    <message>
        <source>input size not in the file: {size} is the first common size that runs</source>
        <translation>文件中没有输入尺寸：{size} 是第一个能运行的常见尺寸</translation>
    </message>
    <message>
        <source>{first}; {second}</source>
        <translation>{first}；{second}</translation>
    </message>
    <message>
        <source>eps, momentum not in the file: PyTorch&apos;s defaults assumed</source>
        <translation>文件中没有 eps、momentum：假定为 PyTorch 的默认值</translation>
    </message>
    <message>
        <source>{kind} assumed (no layer before it says 1d or 2d); {rest}</source>
        <translation>假定为 {kind}（前面没有层能说明是 1d 还是 2d）；{rest}</translation>
    </message>
    <message>
        <source>stride, padding, dilation not in the file: 1, 0, 1 assumed</source>
        <translation>文件中没有 stride、padding、dilation：假定为 1、0、1</translation>
    </message>
    <message>
        <source>{rest}; groups={groups} inferred from the {channels} channels before it</source>
        <translation>{rest}；groups={groups} 是由它前面的 {channels} 个通道推断出来的</translation>
    </message>
    <message>
        <source>PReLU assumed (a single weight, no bias)</source>
        <translation>假定为 PReLU（只有一个权重，没有偏置）</translation>
    </message>
    <message>
        <source>Flatten assumed (a convolution&apos;s output reaches a Linear)</source>
        <translation>假定为 Flatten（卷积层的输出接入了 Linear）</translation>
    </message>
    <message>
        <source>{kind} assumed (--between {between})</source>
        <translation>假定为 {kind}（--between {between}）</translation>
    </message>
    <message>
        <source>not in the file (no parameters): {why}</source>
        <translation>文件中没有这一层（它没有参数）：{why}</translation>
    </message>
    <message>
        <source>the file does not say how this block&apos;s children connect: a chain assumed</source>
        <translation>文件没有说明这个块的子模块如何连接：假定为一条链</translation>
    </message>
    <message>
        <source>layers after {last} have no parameters, so the file cannot show them: none added</source>
        <translation>{last} 之后的层没有参数，文件无法体现它们：未添加任何层</translation>
    </message>
    <message>
        <source>from {key} (Linear in_features={n})</source>
        <translation>依据 {key}（Linear in_features={n}）</translation>
    </message>
    <message>
        <source>from {key} (Conv1d in_channels={n}, length 32)</source>
        <translation>依据 {key}（Conv1d in_channels={n}，长度 32）</translation>
    </message>
    <message>
        <source>from {key} (Conv2d in_channels={n}, 28x28)</source>
        <translation>依据 {key}（Conv2d in_channels={n}，28x28）</translation>
    </message>
    <message>
        <source>forward returned {kind}, not one tensor</source>
        <translation>forward 返回的是 {kind}，而不是一个张量</translation>
    </message>
    <message>
        <source>{name} holds {n} exported programs, not one</source>
        <translation>{name} 中有 {n} 个导出的程序，而不是一个</translation>
    </message>
    <message>
        <source>{name} is a damaged torch.export archive ({detail})</source>
        <translation>{name} 是损坏的 torch.export 归档（{detail}）</translation>
    </message>
    <message>
        <source>{name}: the exported program has tensor constants (not a chain)</source>
        <translation>{name}：导出的程序中有张量常量（不是一条链）</translation>
    </message>
    <message>
        <source>{name}: {fqn} is stored as a pickle, which the app does not run</source>
        <translation>{name}：{fqn} 以 pickle 形式存储，本应用不会运行它</translation>
    </message>
    <message>
        <source>{name}: {fqn} has a dtype the app does not read</source>
        <translation>{name}：{fqn} 的 dtype 本应用无法读取</translation>
    </message>
    <message>
        <source>{name}: the exported program takes a {kind} input (not a chain)</source>
        <translation>{name}：导出的程序接收 {kind} 类型的输入（不是一条链）</translation>
    </message>
    <message>
        <source>{name}: the exported program is not one input, one output</source>
        <translation>{name}：导出的程序不是“一个输入、一个输出”</translation>
    </message>
    <message>
        <source>{where}: outputs are joined with {op} (branches, not a chain)</source>
        <translation>{where}：多个输出用 {op} 拼接在一起（是分支，不是一条链）</translation>
    </message>
    <message>
        <source>{where}: computes {target} outside a layer the app offers</source>
        <translation>{where}：在本应用提供的层之外计算了 {target}</translation>
    </message>
    <message>
        <source>no input</source>
        <translation>没有输入</translation>
    </message>
    <message>
        <source>{first}, {second}</source>
        <translation>{first}、{second}</translation>
    </message>
    <message>
        <source>{where} (nn.{type}): computed as {target} with other arguments</source>
        <translation>{where}（nn.{type}）：以其他参数计算为 {target}</translation>
    </message>
    <message>
        <source>{where} runs twice in a way the app cannot tie</source>
        <translation>{where} 运行了两次，本应用无法把这两次绑定为同一层</translation>
    </message>
    <message>
        <source>{name}: the output is not the last layer&apos;s output (not a chain)</source>
        <translation>{name}：输出不是最后一层的输出（不是一条链）</translation>
    </message>
    <message>
        <source>{name}: the exported program has no layers</source>
        <translation>{name}：导出的程序中没有层</translation>
    </message>
    <message>
        <source>{name}: a layer runs outside the model</source>
        <translation>{name}：有一层在模型之外运行</translation>
    </message>
    <message>
        <source>a block needs a name</source>
        <translation>块需要一个名称</translation>
    </message>
    <message>
        <source>{name} is too large for a block file</source>
        <translation>{name} 太大，不像是块文件</translation>
    </message>
    <message>
        <source>cannot read {name}: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <source>{name} is not a valid block file</source>
        <translation>{name} 不是有效的块文件</translation>
    </message>
    <message>
        <source>{name} is not an NN Explorer block</source>
        <translation>{name} 不是 NN Explorer 的块</translation>
    </message>
    <message>
        <source>{name} has no name</source>
        <translation>{name} 没有名称</translation>
    </message>
    <message>
        <source>run settings must be a mapping, got {kind}</source>
        <translation>运行设置必须是一个映射，而这里是 {kind}</translation>
    </message>
    <message>
        <source>unknown loss {name}</source>
        <translation>未知的损失函数 {name}</translation>
    </message>
    <message>
        <source>unknown input {name}</source>
        <translation>未知的输入 {name}</translation>
    </message>
    <message>
        <source>unknown unit {name}</source>
        <translation>未知的单位 {name}</translation>
    </message>
    <message>
        <source>the model is split across devices: {n1} is on {d1}, but {n2} is on {d2}</source>
        <translation>模型分散在多个设备上：{n1} 在 {d1} 上，而 {n2} 在 {d2} 上</translation>
    </message>
    <message>
        <source>the target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>{what} is on {device}, but the model ({name} and the rest) is on {model_device}: move them to the same device</source>
        <translation>{what}在 {device} 上，而模型（{name} 及其余部分）在 {model_device} 上：请把它们移到同一设备上</translation>
    </message>
    <message>
        <source>{layer}: {tensor} holds NaN or Inf</source>
        <translation>{layer}：{tensor} 中有 NaN 或 Inf</translation>
    </message>
    <message>
        <source>the loss is NaN or Inf</source>
        <translation>损失是 NaN 或 Inf</translation>
    </message>
    <message>
        <source>{layer} outputs NaN or Inf</source>
        <translation>{layer}输出了 NaN 或 Inf</translation>
    </message>
    <message>
        <source>the input batch holds NaN or Inf</source>
        <translation>输入批次中有 NaN 或 Inf</translation>
    </message>
    <message>
        <source>the loss is NaN or Inf (the layers&apos; outputs are finite: look at the targets and the loss)</source>
        <translation>损失是 NaN 或 Inf（各层的输出都是有限值：请检查目标值和损失函数）</translation>
    </message>
    <message>
        <source>training stopped at step {step}: the loss became {value} ({where})</source>
        <translation>训练在第 {step} 步停止：损失变成了 {value}（{where}）</translation>
    </message>
    <message>
        <source>the root</source>
        <translation>根模块</translation>
    </message>
    <message>
        <source>no input shape: type one (like 2, 20) in the input card</source>
        <translation>没有输入形状：请在输入卡片中填写一个（例如 2, 20）</translation>
    </message>
    <message>
        <source>the empty path names the model itself</source>
        <translation>空路径指的是模型本身</translation>
    </message>
    <message>
        <source>{key} is a layer, not a block</source>
        <translation>{key} 是一个层，不是块</translation>
    </message>
    <message>
        <source>no layer with id {id}</source>
        <translation>没有 id 为 {id} 的层</translation>
    </message>
    <message>
        <source>input shape must be positive whole numbers, got {shape}</source>
        <translation>输入形状必须是正整数，而这里是 {shape}</translation>
    </message>
    <message>
        <source>input shape has {n} dimensions; at most {limit} are supported</source>
        <translation>输入形状有 {n} 个维度；最多支持 {limit} 个</translation>
    </message>
    <message>
        <source>input shape dimensions must be at most {limit}</source>
        <translation>输入形状的每个维度最多为 {limit}</translation>
    </message>
    <message>
        <source>dtype must be one of {choices}, got {dtype}</source>
        <translation>dtype 必须是 {choices} 之一，而这里是 {dtype}</translation>
    </message>
    <message>
        <source>blocks are nested more than {n} deep</source>
        <translation>块的嵌套超过了 {n} 层</translation>
    </message>
    <message>
        <source>duplicate id {id}</source>
        <translation>重复的 id {id}</translation>
    </message>
    <message>
        <source>tied layers {a} and {b} differ</source>
        <translation>绑定的层 {a} 和 {b} 并不相同</translation>
    </message>
    <message>
        <source>a layer id must be a string, got {kind}</source>
        <translation>层的 id 必须是字符串，而这里是 {kind}</translation>
    </message>
    <message>
        <source>a layer id must be at most {n} characters</source>
        <translation>层的 id 最多 {n} 个字符</translation>
    </message>
    <message>
        <source>a layer must be an object, got {kind}</source>
        <translation>层必须是一个对象，而这里是 {kind}</translation>
    </message>
    <message>
        <source>a layer name must be a string</source>
        <translation>层的名称必须是字符串</translation>
    </message>
    <message>
        <source>a block must hold a list of layers</source>
        <translation>块必须包含一个层的列表</translation>
    </message>
    <message>
        <source>a layer needs a &apos;type&apos;</source>
        <translation>层需要一个 &apos;type&apos;</translation>
    </message>
    <message>
        <source>a layer &apos;type&apos; must be a string, got {kind}</source>
        <translation>层的 &apos;type&apos; 必须是字符串，而这里是 {kind}</translation>
    </message>
    <message>
        <source>&apos;args&apos; must be an object</source>
        <translation>&apos;args&apos; 必须是一个对象</translation>
    </message>
    <message>
        <source>a layer &apos;tie&apos; must be a string, got {kind}</source>
        <translation>层的 &apos;tie&apos; 必须是字符串，而这里是 {kind}</translation>
    </message>
    <message>
        <source>a model must be a JSON object</source>
        <translation>模型必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>missing &apos;format_version&apos;</source>
        <translation>缺少 &apos;format_version&apos;</translation>
    </message>
    <message>
        <source>&apos;layers&apos; must be a list</source>
        <translation>&apos;layers&apos; 必须是一个列表</translation>
    </message>
    <message>
        <source>&apos;input_shape&apos; must be a list of whole numbers</source>
        <translation>&apos;input_shape&apos; 必须是一个整数列表</translation>
    </message>
    <message>
        <source>&apos;input_shape&apos; has {n} dimensions; at most {limit} are supported</source>
        <translation>&apos;input_shape&apos; 有 {n} 个维度；最多支持 {limit} 个</translation>
    </message>
    <message>
        <source>&apos;dtype&apos; must be a string like float32</source>
        <translation>&apos;dtype&apos; 必须是像 float32 这样的字符串</translation>
    </message>
    <message>
        <source>the file holds a broken character (a lone UTF-16 surrogate)</source>
        <translation>文件中有一个损坏的字符（单独的 UTF-16 代理项）</translation>
    </message>
    <message>
        <source>not valid JSON: {detail} at line {line}</source>
        <translation>不是有效的 JSON：第 {line} 行 {detail}</translation>
    </message>
    <message>
        <source>not usable JSON: {detail}</source>
        <translation>无法使用的 JSON：{detail}</translation>
    </message>
    <message>
        <source>{name} holds {entry} twice; refusing to guess which is right</source>
        <translation>{name} 中有两个 {entry}；无法判断哪个是对的，因此拒绝读取</translation>
    </message>
    <message>
        <source>{name}: {entry} is encrypted; NN Explorer reads plain archives only</source>
        <translation>{name}：{entry} 是加密的；NN Explorer 只读取未加密的归档</translation>
    </message>
    <message>
        <source>{name}: {entry} is larger than its header says</source>
        <translation>{name}：{entry} 比其文件头声明的更大</translation>
    </message>
    <message>
        <source>{name} is a zip file without {entry}</source>
        <translation>{name} 是一个 zip 文件，但其中没有 {entry}</translation>
    </message>
    <message>
        <source>{name} is a damaged project archive ({detail})</source>
        <translation>{name} 是损坏的项目归档（{detail}）</translation>
    </message>
    <message>
        <source>{name} cannot be read: {detail}</source>
        <translation>无法读取 {name}：{detail}</translation>
    </message>
    <message>
        <source>{scheme} failed: {text}</source>
        <translation>{scheme} 失败：{text}</translation>
    </message>
    <message>
        <source>the project&apos;s weights do not fit its model: {problem}</source>
        <translation>项目中的权重与它的模型不匹配：{problem}</translation>
    </message>
    <message>
        <source>there is no tensor to save yet (run a forward pass first)</source>
        <translation>还没有可保存的张量（请先运行一次前向传播）</translation>
    </message>
    <message>
        <source>a single-tensor file holds exactly one tensor</source>
        <translation>单张量文件只能保存一个张量</translation>
    </message>
    <message>
        <source>a safetensors file holds named tensors: choose the dict layout</source>
        <translation>safetensors 文件保存的是带名字的张量：请选择字典布局</translation>
    </message>
    <message>
        <source>the dataset needs at least 2 samples, got {n}</source>
        <translation>数据集至少需要 2 个样本，而这里是 {n}</translation>
    </message>
    <message>
        <source>the held-out fraction must be in [0, 1), got {value}</source>
        <translation>验证集（留出）比例必须在 [0, 1) 之间，而这里是 {value}</translation>
    </message>
    <message>
        <source>noise must be 0 or more, got {value}</source>
        <translation>噪声必须大于或等于 0，而这里是 {value}</translation>
    </message>
    <message>
        <source>{name} needs at least 2 classes, got {n}</source>
        <translation>{name} 至少需要 2 个类别，而这里是 {n}</translation>
    </message>
    <message>
        <source>{loss} needs a target</source>
        <translation>{loss} 需要目标值</translation>
    </message>
    <message>
        <source>cross-entropy needs outputs (batch, classes), got {shape}</source>
        <translation>交叉熵需要形状为 (batch, classes) 的输出，而这里是 {shape}</translation>
    </message>
    <message>
        <source>{name} is not a readable safetensors file ({detail})</source>
        <translation>{name} 不是可读的 safetensors 文件（{detail}）</translation>
    </message>
    <message>
        <source>{name} is not a readable safetensors file</source>
        <translation>{name} 不是可读的 safetensors 文件</translation>
    </message>
    <message>
        <source>{name}: bad header entry for {key}</source>
        <translation>{name}：{key} 的文件头条目有误</translation>
    </message>
    <message>
        <source>{name}: {detail}</source>
        <translation>{name}：{detail}</translation>
    </message>
    <message>
        <source>{name}: {entry} holds Python objects</source>
        <translation>{name}：{entry} 含有 Python 对象</translation>
    </message>
    <message>
        <source>{name} is not a readable .npz file ({detail})</source>
        <translation>{name} 不是可读的 .npz 文件（{detail}）</translation>
    </message>
    <message>
        <source>--{name} must be a whole number from {low} to {high}, got {value}</source>
        <translation>--{name} 必须是 {low} 到 {high} 之间的整数，而这里是 {value}</translation>
    </message>
    <message>
        <source>--{name} must be a finite number from {low}, below {high}; got {value}</source>
        <translation>--{name} 必须是不小于 {low}、小于 {high} 的有限数；而这里是 {value}</translation>
    </message>
    <message>
        <source>--{name} must be a finite number from {low}, at most {high}; got {value}</source>
        <translation>--{name} 必须是 {low} 到 {high} 之间的有限数；而这里是 {value}</translation>
    </message>
    <message>
        <source>{name}: a class has no project format; write a .pt state dict</source>
        <translation>{name}：类没有项目格式；请写成 .pt 的 state dict</translation>
    </message>
    <message>
        <source>unknown target scope {scope}</source>
        <translation>未知的目标范围 {scope}</translation>
    </message>
    <message>
        <source>kind must be one of {choices}</source>
        <translation>kind 必须是 {choices} 之一</translation>
    </message>
    <message>
        <source>all parameters</source>
        <translation>所有参数</translation>
    </message>
    <message>
        <source>all weights</source>
        <translation>所有权重</translation>
    </message>
    <message>
        <source>all biases</source>
        <translation>所有偏置</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>biases</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>{what} of layer {names}</source>
        <translation>层 {names} 的{what}</translation>
    </message>
    <message>
        <source>{what} of every {names}</source>
        <translation>每个 {names} 的{what}</translation>
    </message>
    <message>
        <source>{what} matching {names}</source>
        <translation>匹配 {names} 的{what}</translation>
    </message>
    <message>
        <source>unknown loss {name}: use one of {choices}</source>
        <translation>未知的损失 {name}：请使用 {choices} 之一</translation>
    </message>
    <message>
        <source>unknown optimizer {name}: use one of {choices}</source>
        <translation>未知的优化器 {name}：请使用 {choices} 之一</translation>
    </message>
    <message>
        <source>input kind must be one of {choices}, got {kind}</source>
        <translation>输入类型必须是 {choices} 之一，而这里是 {kind}</translation>
    </message>
    <message>
        <source>{keys} and {n} more</source>
        <translation>{keys} 等（另有 {n} 个）</translation>
    </message>
    <message>
        <source>{key} is {file_shape} in the file but {model_shape} in the model</source>
        <translation>{key} 在文件中是 {file_shape}，在模型中却是 {model_shape}</translation>
    </message>
    <message>
        <source>missing {keys}</source>
        <translation>缺少 {keys}</translation>
    </message>
    <message>
        <source>unexpected {keys}</source>
        <translation>多出 {keys}</translation>
    </message>
    <message>
        <source>{detail} (and {n} more)</source>
        <translation>{detail}（另有 {n} 处）</translation>
    </message>
    <message>
        <source>{first}; {then}</source>
        <translation>{first}；{then}</translation>
    </message>
    <message>
        <source>{where} must be a text or an object like {example}</source>
        <translation>{where} 必须是一段文字，或形如 {example} 的对象</translation>
    </message>
    <message>
        <source>{where}: a check must be an object with a 'kind'</source>
        <translation>{where}：检查必须是一个带有 'kind' 的对象</translation>
    </message>
    <message>
        <source>{where}: unknown check {kind} (known: {known})</source>
        <translation>{where}：未知的检查 {kind}（已知的有：{known}）</translation>
    </message>
    <message>
        <source>{where}: check {kind} needs {missing}</source>
        <translation>{where}：检查 {kind} 需要 {missing}</translation>
    </message>
    <message>
        <source>a lesson must be a JSON object</source>
        <translation>课程必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>lesson format {version} is newer than this app's ({supported})</source>
        <translation>课程格式 {version} 比本应用支持的（{supported}）更新</translation>
    </message>
    <message>
        <source>a lesson needs an 'id'</source>
        <translation>课程需要一个 'id'</translation>
    </message>
    <message>
        <source>{lesson}: 'example' must be the name of an example file</source>
        <translation>{lesson}：'example' 必须是一个示例文件的名称</translation>
    </message>
    <message>
        <source>{lesson}: a lesson needs a list of at least one step</source>
        <translation>{lesson}：课程需要一个至少包含一步的列表</translation>
    </message>
    <message>
        <source>{lesson}: step {n}</source>
        <translation>{lesson}：第 {n} 步</translation>
    </message>
    <message>
        <source>{where} must be an object</source>
        <translation>{where} 必须是一个对象</translation>
    </message>
    <message>
        <source>{where}: 'target' must be an objectName</source>
        <translation>{where}：'target' 必须是一个 objectName</translation>
    </message>
    <message>
        <source>{lesson} title</source>
        <translation>{lesson} 的标题</translation>
    </message>
    <message>
        <source>{name}: cannot read the lesson: {detail}</source>
        <translation>{name}：无法读取课程：{detail}</translation>
    </message>
    <message>
        <source>{name}: another lesson already has the id {id}</source>
        <translation>{name}：另一个课程已使用 id {id}</translation>
    </message>
    <message>
        <source>{name}: {entry} uses compression method {method}; NN Explorer reads stored or deflated members only</source>
        <translation>{name}：{entry} 使用了压缩方法 {method}；NN Explorer 只读取未压缩（stored）或 deflate 压缩的成员</translation>
    </message>
    <message>
        <source>{name}: {entry} is {size} MiB unpacked, more than the {cap} MiB this machine allows</source>
        <translation>{name}：{entry} 解压后为 {size} MiB，超过了本机允许的 {cap} MiB</translation>
    </message>
    <message>
        <source>{name}: {entry} would expand {ratio} times (a zip bomb?); refusing to unpack it</source>
        <translation>{name}：{entry} 会膨胀 {ratio} 倍（是 zip 炸弹吗？）；拒绝解压</translation>
    </message>
    <message>
        <source>{key}: dtype {dtype} cannot be written to safetensors</source>
        <translation>{key}：dtype {dtype} 无法写入 safetensors</translation>
    </message>
    <message>
        <source>--args is not valid JSON: {detail} (write {example})</source>
        <translation>--args 不是有效的 JSON：{detail}（请写成 {example}）</translation>
    </message>
    <message>
        <source>--args must be a JSON object (keywords) or list (positions)</source>
        <translation>--args 必须是 JSON 对象（关键字参数）或列表（位置参数）</translation>
    </message>
    <message>
        <source>-o {name}: this command writes {kinds}</source>
        <translation>-o {name}：此命令写出的是 {kinds}</translation>
    </message>
    <message>
        <source>-o {name}: this command writes {kinds} ({what})</source>
        <translation>-o {name}：此命令写出的是 {kinds}（{what}）</translation>
    </message>
    <message>
        <source>-o {path} is the input file {name}: writing would replace it</source>
        <translation>-o {path} 就是输入文件 {name}：写入会覆盖它</translation>
    </message>
    <message>
        <source>NN Explorer project</source>
        <translation>NN Explorer 项目</translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation>一个 FIFO</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>一个设备</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>一个文件夹</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>一个套接字</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>一个非普通文件</translation>
    </message>
    <message>
        <source>{path} is {kind}, not a file: refusing to replace it</source>
        <translation>{path} 是{kind}，不是文件：拒绝覆盖它</translation>
    </message>
    <message>
        <source>a tied layer is used in different blocks; as classes it would have to be passed between them. Export it as a Sequential instead</source>
        <translation>一个共享参数的层被用在不同的块中；写成类时必须在块之间传递它。请改为导出为 Sequential</translation>
    </message>
    <message>
        <source>cannot fit the model to {name}: {reason}</source>
        <translation>无法让模型适配 {name}：{reason}</translation>
    </message>
    <message>
        <source>cannot write {path}: no such folder {folder}</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder {folder} is not writable</source>
        <translation>无法写入 {path}：文件夹 {folder} 不可写</translation>
    </message>
    <message>
        <source>checkpoint (a state dict inside a dict)</source>
        <translation>检查点（字典中的 state dict）</translation>
    </message>
    <message>
        <source>dict of tensors</source>
        <translation>张量字典</translation>
    </message>
    <message>
        <source>list of tensors</source>
        <translation>张量列表</translation>
    </message>
    <message>
        <source>single tensor</source>
        <translation>单个张量</translation>
    </message>
    <message>
        <source>state dict</source>
        <translation>state dict</translation>
    </message>
    <message>
        <source>whole model</source>
        <translation>完整模型</translation>
    </message>
    <message>
        <source>object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>items: {n}</source>
        <translation>{n} 项</translation>
    </message>
    <message>
        <source>not kept in a .nnx.json project</source>
        <translation>.nnx.json 项目不保存权重</translation>
    </message>
    <message>
        <source>nn.Sequential read from the file (layers: {n})</source>
        <translation>从文件读出的 nn.Sequential（层数：{n}）</translation>
    </message>
    <message>
        <source>{keys} (one storage)</source>
        <translation>{keys}（同一存储）</translation>
    </message>
    <message>
        <source>{keys} (stored once, named again in the aliases metadata)</source>
        <translation>{keys}（只存一份，别名元数据里再次命名）</translation>
    </message>
    <message>
        <source>{keys} (the metadata names {dropped} as {kept}: how safetensors&apos; save_model notes a shared tensor it left out; load_model fills it from the model)</source>
        <translation>{keys}（元数据把 {dropped} 记为 {kept}：safetensors 的 save_model 就是这样记下它略去的共享张量；load_model 从模型补上它）</translation>
    </message>
    <message>
        <source>{0} over the keys, {1} unique (shared storage below)</source>
        <translation>按键合计 {0}，去重后 {1}（共享存储见下）</translation>
    </message>
    <message>
        <source>{0}: {1}, tensors: {2}, {3}</source>
        <translation>{0}：{1}，张量数：{2}，{3}</translation>
    </message>
    <message>
        <source>= {0}</source>
        <translation>= {0}</translation>
    </message>
    <message>
        <source>shared: {0}</source>
        <translation>共享：{0}</translation>
    </message>
    <message>
        <source>Training done · steps: {0} · loss {1}</source>
        <translation>训练完成 · 步数：{0} · 损失 {1}</translation>
    </message>
    <message>
        <source>Paused at step {0}/{1} · steps left: {2} · ETA {3} after Resume</source>
        <translation>暂停于第 {0}/{1} 步 · 剩余步数：{2} · 继续后预计还需 {3}</translation>
    </message>
    <message>
        <source>✓ Done: steps {0}/{0}</source>
        <translation>✓ 完成：{0}/{0} 步</translation>
    </message>
    <message>
        <source>params: {0}</source>
        <translation>参数：{0}</translation>
    </message>
    <message>
        <source>params: {0} · {1}</source>
        <translation>参数：{0} · {1}</translation>
    </message>
    <message>
        <source>Saved the state dict (tensors: {0}) to {1}</source>
        <translation>已把 state dict（张量数：{0}）保存到 {1}</translation>
    </message>
    <message>
        <source>Loaded tensors from {2}: {0} of {1}</source>
        <translation>已从 {2} 加载张量：{0}/{1}</translation>
    </message>
    <message>
        <source>Tensors that change dtype when copied into the model: {0}.</source>
        <translation>复制进模型时会改变 dtype 的张量数：{0}。</translation>
    </message>
    <message>
        <source>parameters: {0} (trainable: {1})</source>
        <translation>参数：{0}（可训练：{1}）</translation>
    </message>
    <message>
        <source> · buffer values: {0}</source>
        <translation> · 缓冲区值：{0}</translation>
    </message>
    <message>
        <source>(since the run started · steps: {0})</source>
        <translation>（自本次训练开始 · 步数：{0}）</translation>
    </message>
    <message>
        <source>(last change of the weights)</source>
        <translation>（权重的上一次改变）</translation>
    </message>
    <message>
        <source>(step {0})</source>
        <translation>（第 {0} 步）</translation>
    </message>
    <message>
        <source>(steps {0}–{1})</source>
        <translation>（第 {0}–{1} 步）</translation>
    </message>
    <message>
        <source>index {index} is out of range for dimension {dim} of size {size}</source>
        <translation>索引 {index} 超出了第 {dim} 维的范围（大小为 {size}）</translation>
    </message>
    <message>
        <source>input {old} -&gt; {new}</source>
        <translation>输入 {old} -&gt; {new}</translation>
    </message>
    <message>
        <source>layout must be one of {choices}</source>
        <translation>布局必须是 {choices} 之一</translation>
    </message>
    <message>
        <source>mps is not available on this machine</source>
        <translation>本机没有可用的 mps</translation>
    </message>
    <message>
        <source>nothing to do: steps (or epochs) must be at least 1</source>
        <translation>无事可做：步数（或轮数）至少为 1</translation>
    </message>
    <message>
        <source>probe {name} failed: {detail}</source>
        <translation>探针 {name} 出错：{detail}</translation>
    </message>
    <message>
        <source>stopped after {seconds} s (an endless loop?)</source>
        <translation>{seconds} 秒后已停止（是死循环吗？）</translation>
    </message>
    <message>
        <source>the batch size must be at least 1, got {got}</source>
        <translation>批量大小至少为 1，而这里是 {got}</translation>
    </message>
    <message>
        <source>the forward pass on a random input {shape} failed: {detail}</source>
        <translation>在形状为 {shape} 的随机输入上前向传播失败：{detail}</translation>
    </message>
    <message>
        <source>the probe&apos;s forward/backward failed: {detail}</source>
        <translation>探测的前向/反向传播失败：{detail}</translation>
    </message>
    <message>
        <source>two outputs of this command are the same file</source>
        <translation>此命令的两个输出是同一个文件</translation>
    </message>
    <message>
        <source>unknown dataset {name}: use one of {choices} or a file</source>
        <translation>未知的数据集 {name}：请使用 {choices} 之一或一个文件</translation>
    </message>
    <message>
        <source>{name} is not a device name (try cpu, cuda:0, mps): {detail}</source>
        <translation>{name} 不是设备名（可用 cpu、cuda:0、mps）：{detail}</translation>
    </message>
    <message>
        <source>{name} is not available: this machine has {n} CUDA device</source>
        <translation>{name} 不可用：本机有 {n} 个 CUDA 设备</translation>
    </message>
    <message>
        <source>{name} is not available: this machine has {n} CUDA devices</source>
        <translation>{name} 不可用：本机有 {n} 个 CUDA 设备</translation>
    </message>
    <message>
        <source>{name}: X has shape {shape}; it needs (samples, features...)</source>
        <translation>{name}：X 的形状是 {shape}；需要 (样本数, 特征...)</translation>
    </message>
    <message>
        <source>{name}: a list must hold two tensors [X, y] (items in it: {n})</source>
        <translation>{name}：列表必须包含两个张量 [X, y]，而它有 {n} 项</translation>
    </message>
    <message>
        <source>{name}: expected a tensor, a list [X, y] or a dict with X and y, got {kind}</source>
        <translation>{name}：应为一个张量、列表 [X, y] 或含 X 和 y 的字典，而这里是 {kind}</translation>
    </message>
    <message>
        <source>{name}: its header promises {need} bytes of data but the file holds {have}</source>
        <translation>{name}：文件头声明有 {need} 字节数据，但文件只有 {have} 字节</translation>
    </message>
    <message>
        <source>{name}: only cpu, cuda:N and mps are supported</source>
        <translation>{name}：只支持 cpu、cuda:N 和 mps</translation>
    </message>
    <message>
        <source>{title} is a Python class: a project cannot hold it; save its state_dict (File &gt; Save Weights) or convert it to Sequential</source>
        <translation>{title} 是 Python 类：项目无法保存它；请保存它的 state_dict（文件 &gt; 保存权重）或把它转换为 Sequential</translation>
    </message>
    <message>
        <source>{title} is a Python class: its dtype ({dtype}) comes from its code</source>
        <translation>{title} 是 Python 类：它的 dtype（{dtype}）由其代码决定</translation>
    </message>
    <message>
        <source>{title} is a Python class: its layers are read-only (Convert to Sequential makes an editable copy)</source>
        <translation>{title} 是 Python 类：它的层是只读的（“转换为 Sequential”会生成可编辑的副本）</translation>
    </message>
    <message>
        <source>{kind}: {detail}</source>
        <translation>{kind}：{detail}</translation>
    </message>
    <message>
        <source>the tensor is empty</source>
        <translation>张量为空</translation>
    </message>
    <message>
        <source>gradient: {detail}</source>
        <translation>gradient：{detail}</translation>
    </message>
    <message>
        <source>a dataset of {n} samples</source>
        <translation>含 {n} 个样本的数据集</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <source>this file was written by a newer NN Explorer (format {found}); this version reads format {supported} and older</source>
        <translation>此文件由较新版本的 NN Explorer 写入（格式 {found}）；此版本只能读取格式 {supported} 及更早的格式</translation>
    </message>
    <message>
        <source>this model</source>
        <translation>此模型</translation>
    </message>
    <message>
        <source>unknown layer type {name}</source>
        <translation>未知的层类型 {name}</translation>
    </message>
    <message>
        <source>weights not loaded: {detail}</source>
        <translation>未加载权重：{detail}</translation>
    </message>
    <message>
        <source>{name} settings not restored: {detail}</source>
        <translation>未恢复 {name} 的设置：{detail}</translation>
    </message>
    <message>
        <source>{title} is a Python class: convert it to Sequential to edit it</source>
        <translation>{title} 是 Python 类：请把它转换为 Sequential 后再编辑</translation>
    </message>
    <message>
        <source>{what} needs more memory than is free; this machine has {have}</source>
        <translation>{what} 需要的内存超过了可用内存；本机有 {have}</translation>
    </message>
    <message>
        <source>{what} needs {need}; this machine has {have}</source>
        <translation>{what} 需要 {need}；本机有 {have}</translation>
    </message>
</context>
<context>
    <name>PythonClassModel</name>
    <message>
        <source>The input Forward and Train feed the class</source>
        <translation>前向传播和训练送入这个类的输入</translation>
    </message>
    <message>
        <source>{0} is a Python class: its module tree is shown read-only. Forward, Train, Init lab and the inspectors work on it; editing layers needs a Sequential.</source>
        <translation>{0} 是一个 Python 类：它的模块树只读显示。前向传播、训练、初始化实验和各查看面板都可用于它；编辑层需要 Sequential。</translation>
    </message>
    <message>
        <source>output {0}</source>
        <translation>输出 {0}</translation>
    </message>
    <message>
        <source>guessed {0} (a guess: type the real one)</source>
        <translation>猜测：{0}（请输入真实的形状）</translation>
    </message>
    <message>
        <source>An editable Sequential with the class's current weights</source>
        <translation>带有这个类当前权重的可编辑 Sequential</translation>
    </message>
    <message>
        <source>Input shape {0}</source>
        <translation>输入形状 {0}</translation>
    </message>
    <message>
        <source>The model is a Python class: convert it to Sequential to edit its layers</source>
        <translation>模型是一个 Python 类：把它转换为 Sequential 才能编辑它的层</translation>
    </message>
    <message>
        <source>Open the class</source>
        <translation>打开这个类</translation>
    </message>
    <message>
        <source>Run, train and inspect the class as it is; its layers stay read-only (the window's model is replaced)</source>
        <translation>按原样运行、训练和查看这个类；它的层保持只读（窗口中的模型会被替换）</translation>
    </message>
    <message>
        <source>Opened the class {0}: its layers are read-only</source>
        <translation>已打开类 {0}：它的层是只读的</translation>
    </message>
    <message>
        <source>; input shape {0} guessed {1}</source>
        <translation>；输入形状 {0} 是猜测的：{1}</translation>
    </message>
    <message>
        <source>Save the class's state_dict</source>
        <translation>保存这个类的 state_dict</translation>
    </message>
    <message>
        <source>Cannot reset the weights: {0}</source>
        <translation>无法重置权重：{0}</translation>
    </message>
    <message>
        <source>It cannot become a Sequential: {0}</source>
        <translation>它无法转换为 Sequential：{0}</translation>
    </message>
</context>
<context>
    <name>ResetWeights</name>
    <message>
        <source>Redo: weights reset, step 0</source>
        <translation>重做：权重已重置，从第 0 步开始</translation>
    </message>
    <message>
        <source>Undo: the trained weights are back, at step {0}</source>
        <translation>撤销：训练过的权重已恢复，位于第 {0} 步</translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message>
        <source>With this input the model would not run: {0}. Import it anyway and fix the layer, or choose another input shape or between-layer choice.</source>
        <translation>用这个输入，模型无法运行：{0}。可以照样导入后再修改该层，或换一个输入形状、层间选择。</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>teacher (dataset name)</source>
        <translation>随机教师网络</translation>
    </message>
    <message>
        <source>sine (dataset name)</source>
        <translation>带噪正弦</translation>
    </message>
    <message>
        <source>linear (dataset name)</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>spiral (dataset name)</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>moons (dataset name)</source>
        <translation>双月</translation>
    </message>
    <message>
        <source>circles (dataset name)</source>
        <translation>同心圆</translation>
    </message>
    <message>
        <source>blobs (dataset name)</source>
        <translation>高斯簇</translation>
    </message>
    <message>
        <source>none (--between value)</source>
        <translation>不插入</translation>
    </message>
</context>
<context>
    <name>ParamTree</name>
    <message>
        <source>requires_grad: whether backward() computes a .grad for this tensor</source>
        <translation>requires_grad：backward() 是否为这个张量计算 .grad</translation>
    </message>
</context>
</TS>
