"""Every message a user reads, in one place and in Chinese: file reasons, ingest results, the index lock,
the web page's answers to each action, the command line. English stays only where the user wrote it
(a question, a file name). Tests import these instead of copying the text.

Here rather than in app/ because ingest/ needs them too and must not import app/.
"""
from __future__ import annotations

# -- a file that cannot be ingested (ingest/load.py, ingest/pipeline.py): one line, after the file name --
UNSUPPORTED = "不支持的文件类型 {suffix};支持 {supported}"
NO_SUFFIX = "(无扩展名)"
TOO_BIG = "文件有 {mb:.1f} MB,超过 {limit:g} MB 的上限(YOUTHQA_MAX_FILE_MB)"
EMPTY_FILE = "文件是空的"
DISAPPEARED = "文件在读取之前已不存在"
IS_DIRECTORY = "这是一个目录,不是文件"
NO_PERMISSION = "没有读取这个文件的权限"
BINARY_NUL = "是二进制内容(含 NUL 字节),不是文本文件"
BINARY_CONTROL = "是二进制内容,不是文本(按 {encoding} 解码后大多是控制字符)"
UNDECODABLE = "无法按 UTF-8 或 GB18030/GBK 解码,不是可读的文本"
BAD_HTML = "HTML 格式有误,无法解析"
LINE_TOO_LONG = "有一行长达 {chars:,} 个字符(上限 {limit:,}):不像文章,或者段落之间丢了换行"
TOO_MANY_LINES = "{name} 有 {lines:,} 行,超过每个文件 {limit:,} 行的上限(YOUTHQA_MAX_LINES),未导入"
NEEDS_DOCX = "读取 .docx 需要 python-docx:pip install python-docx"
NOT_DOCX = "不是 Word 文档(.docx 文件应是 zip 压缩包),可能已损坏或只是改了扩展名"
NOT_XLSX = "不是 Excel 工作簿(.xlsx 文件应是 zip 压缩包),可能已损坏或只是改了扩展名"
NEEDS_XLSX = "读取 .xlsx 需要 openpyxl:pip install openpyxl"
BAD_XLSX = "不是可读取的 Excel 工作簿(.xlsx),文件可能已损坏"
NOT_PPTX = "不是 PowerPoint 演示文稿(.pptx 文件应是 zip 压缩包),可能已损坏或只是改了扩展名"
NEEDS_PPTX = "读取 .pptx 需要 python-pptx:pip install python-pptx"
BAD_PPTX = "不是可读取的 PowerPoint 演示文稿(.pptx),文件可能已损坏"
XLSX_TOO_BIG = "Excel 工作簿的表格超过 {cells} 个单元格,不像一份报告,未读取"
BAD_DOCX = "不是可读取的 Word 文档,文件可能已损坏"
DOCX_XML_DECLARED = ("{name} 的正文(XML)解压后有 {mb:.0f} MB,超过 {limit:.0f} MB 上限"
                     "(YOUTHQA_MAX_DOCX_XML_MB),可能是压缩炸弹,未导入")
DOCX_XML_INFLATED = ("{name} 的正文(XML)声明 {mb:.1f} MB,实际解压超过 {limit:.0f} MB 上限"
                     "(YOUTHQA_MAX_DOCX_XML_MB),可能是压缩炸弹,未导入")
DOCX_TOO_BIG = "{name} 解压后超过 {limit} MB,可能是压缩炸弹,未导入"
NEEDS_PDF = "读取 .pdf 需要 pypdf:pip install pypdf"
BAD_PDF = "不是可读取的 PDF 文件,可能已损坏或不完整"
TOO_MANY_PAGES = "{name} 有 {pages:,} 页,超过每个文件 {limit:,} 页的上限(YOUTHQA_MAX_PDF_PAGES),未导入"
NO_ARTICLE_TEXT = "去掉网页版式等无关内容后没有剩下正文"
TOO_MANY_CHUNKS = "{name} 切分出 {chunks:,} 个分块,超过每个文件 {limit:,} 个的上限(YOUTHQA_MAX_CHUNKS),未导入"

# -- ingest results: the upload and re-index tables, the `ingest` summary --
STATUS = {"added": "新增", "updated": "已更新", "unchanged": "未变化", "failed": "失败", "removed": "已移除"}
SUMMARY = "文档:新增 {added},更新 {updated},未变化 {unchanged},失败 {failed}{removed};写入 {chunks} 个分块;用时 {seconds:.1f} 秒"
SUMMARY_REMOVED = ",移除 {removed}"
SUMMARY_FAILED = "  失败  {source}:{reason}"
PROGRESS_READING = "读取 {name}({i}/{n})"
PROGRESS_WRITING = "向量化并写入知识库…"
PROGRESS_BAR, PROGRESS_UNIT = "导入", "个文件"

# -- the embedded index's lock (ingest/lock.py) --
INDEX_OPEN = "知识库 {index} 正被另一个进程使用({holder})"
INDEX_WRITING = "知识库 {index} 正被另一个进程写入({holder})"
BUSY_HINT = ";多个进程同时使用请改用 Chroma 服务器:设置 YOUTHQA_CHROMA_HOST,见 README「Scaling out」"
HOLDER = "pid {pid}:{command}"
HOLDER_UNKNOWN = "进程已退出或未知"

# -- the web page and the HTTP API (app/web/service.py, app/web/ui.py) --
EMPTY_QUESTION = "请输入问题。"
LONG_QUESTION = "问题太长了:最多 {limit} 个字,这个问题有 {n} 个字。请精简后再问。"
NO_INDEX = "知识库还是空的:没有导入任何报告。请先在「上传报告」页上传报告,或运行 youthqa ingest corpus/。"
ANSWER_FAILED = "抱歉,回答这个问题时出错了,请稍后再试。"
SEARCHING = "正在检索…"
BUSY = "知识库正被另一个进程{doing}({holder}),请稍后再试。"
BUSY_WRITING, BUSY_OPEN = "写入", "使用"
UNREACHABLE = "无法连接知识库服务器 {where},请确认 Chroma 服务器已启动,稍后再试。"
CANNOT_OPEN = "无法打开知识库:{reason}"
FEEDBACK = {True: "已记录:这个回答有用。谢谢反馈!", False: "已记录:这个回答没有帮助。谢谢反馈,我们会据此改进。",
            None: "已取消这条评价。"}
CHOOSE_FILES = "请先选择要上传的文件。"
UPLOADED = "已处理 {n} 个文件:{counts}。"
NO_MATCH = "没有找到包含「{query}」的报告。"
CHOOSE_DOCUMENT = "请先选择要删除的报告。"
CONFIRM_DELETE = "确定删除「{label}」吗?它的 {chunks} 个分块将从知识库移除;删除后 {hours} 小时内可以撤销。"
DELETED = "已删除 {source}({origin},{chunks} 个分块)。"
CAN_UNDO = "可点「撤销删除」恢复。"
DELETE_CANCELLED = "已取消,没有删除任何报告。"
NOT_FOUND = "没有找到文档 {doc_id},它可能已被删除;请刷新列表后再选。"
UNDO_LABEL = "撤销删除 {source}"
RESTORED = "已恢复 {source}({origin},{chunks} 个分块)。"
NOTHING_TO_UNDO = "没有可以撤销的删除:只能撤销最近一次删除,且在 {hours} 小时内。"
UNDO_FAILED = "无法恢复 {source}:{reason}"
REINDEXED = "重新索引完成:{updated} 个文档已更新,{removed} 个文件已不存在并移出知识库,{failed} 个失败。"
FILE_GONE = "文件已不存在"
CLI_ORIGIN = "命令行导入"
UPLOAD_ORIGIN = "上传 {time}"
AUDIT_ACTIONS = {"upload": "上传", "delete": "删除", "undo": "撤销删除", "reindex": "重新索引"}
AUDIT_ALL = "(全部报告)"

# -- the command line (app/cli.py, app/web/serve.py) --
CLI_ERROR = "youthqa: 错误:{error}"
ARGS = {  # argparse's own words
    "usage": "用法:", "help": "显示帮助并退出", "positionals": "参数", "optionals": "选项", "commands": "命令",
    "required": "缺少参数:{0}", "unrecognized": "无法识别的参数:{0}", "choice": "参数 {0}:无效的选择 {1}(可选:{2})",
    "value": "参数 {0}:无效的值 {2}", "one": "参数 {0}:需要一个值", "error": "{prog}: 错误:{message}\n",
}
NO_PATH = "找不到文件或目录: {path}"
NOT_AN_INDEX = "{path} 不是知识库目录(里面没有索引)。只有 youthqa ingest 会建立知识库:youthqa ingest 报告目录 --index {path}"
WARMING_UP = "youthqa: 正在预热:加载向量模型、分词词典和检索索引…"
SERVING = "youthqa: 服务已启动 http://{host}:{port}/ ({what};{where})"
SERVING_DOCS = "{n} 份报告"
SERVING_EMPTY = "知识库是空的:请在页面上上传报告"
SERVING_DOWN = "Chroma 服务器尚未响应"
PAGE_LOADING = "网页正在加载,请稍候再试(问答接口 /api/ask 已可用)"
WHERE_EMBEDDED = "知识库 {path}"
WHERE_SERVER = "Chroma 服务器 {host}:{port},集合 {collection}"
NEEDS_LOGIN = "拒绝在 {host} 上无登录提供服务:请设置 YOUTHQA_AUTH=用户:密码,或使用 --host 127.0.0.1"
NEEDS_PUBLIC_HOSTS = ("在 {host} 上提供服务时,请用 YOUTHQA_PUBLIC_HOSTS 写明用户访问的主机名或地址"
                      "(如 qa.example.org,10.0.0.5);其他 Host 的请求一律拒绝")

# -- `youthqa status` (app/cli.py, ingest/snapshot.py) --
STATUS_WHERE_EMBEDDED = "{path}(嵌入式),集合 {collection}"
STATUS_INDEX = "知识库:    {where}"
STATUS_MODEL = "向量模型:  {model}"
STATUS_DOCS = "报告数:    {n}"
STATUS_CHUNKS = "分块数:    {n}"
STATUS_DOC = "  {source}  {date}  {paragraphs} 段,{chunks} 个分块  {title}"
SNAPSHOT = "快照:      {taken}"
SNAPSHOT_NONE = "暂无(每次导入结束时生成)"
RECOVERY_RESOLVED = "恢复记录:  {time}({action});此后已有写入完成({resolved})"
RECOVERY = "恢复记录:  {time}:一次写入(pid {writer_pid},开始于 {writer_started})中途中断;{done}。请重新运行 youthqa ingest 补齐。"
RECOVERY_DONE = {"kept": "检查后索引完好,已保留",
                 "restored": "索引已损坏({problem}),已恢复到 {snapshot_taken} 的快照,之后的写入需重新导入",
                 "emptied": "索引已损坏({problem})且还没有快照,已清空"}

# -- figures across reports (app/engine/cross.py, `youthqa facts`) --
CROSS_ROW = "{place}:{figure}({year}{title} · {date} · 第{paragraph}段)"
CROSS_COMPARE = "{indicator}:{winner}{more}。"
CROSS_MORE, CROSS_LESS = "更多", "更少"
CROSS_RANK = "{indicator}:{winner}最{more}(共比较 {n} 个地方)。"
CROSS_MOST, CROSS_LEAST = "多", "少"
CROSS_NTH = "{indicator}:{winner}第{nth}{more}(共比较 {n} 个地方)。"
CROSS_TOP = "{indicator}最{more}的前{top}个地方:{places}(共比较 {n} 个地方)。"
CROSS_LIST = "{indicator},{n} 个地方的数字:"
CROSS_TOTAL = "{indicator}合计 {total}{unit}{approx},由 {n} 份报告相加:"
CROSS_TOTAL_APPROX = "(含约数,合计也是约数)"
CROSS_LEFT_OUT = "未计入:{rows}(单位或指标不同)。"
CROSS_TREND = "{place}{indicator}的变化(按日期):"
CROSS_MENTION = "{n} 份报告提到“{term}”:"
CROSS_MENTION_ROW = "{places}:{title} · {date} · 第{paragraph}段"
CROSS_YEARS = "注意:这些数字的年份不同({years}),不是同一年的比较。"
CROSS_QUALIFIED = "注意:{figures} 是约数(带“余/多/近/超过/约”等),比较结果可能有出入。"
CROSS_MISSING = "没有找到 {places} 的相关数字。"
CROSS_EACH = "{n} 个地方分别查到:"  # a question over places asking a name (app/engine/cross_each.py)
CROSS_EACH_MISSING = "没有找到 {places} 的相关内容。"
CROSS_PARTS = "{n} 项分别查到:"  # a question asking several figures, each asked apart (app/engine/cross_parts.py)
CROSS_PARTS_WHICH = "{winner}{more}。"
CROSS_PARTS_SUM = "合计 {value}(各项分别查到,相加):"
CROSS_PARTS_DIFF = "相差 {value}(两项分别查到,相减):"
FACTS_HEADER = "地方,指标,数值,单位,限定,原文数字,年份,报告,日期,段落,原文,文件"  # .csv/.xlsx (app/export.py)
FACTS_NONE = "没有找到与“{query}”相关的数字。"
FACTS_SHEET = "数据汇总"  # the .xlsx sheet; the downloads are 数据汇总.xlsx and 数据汇总.csv

# -- the page's 数据汇总 tab (app/web/ui_facts.py) --
FACTS_INTRO = "输入一项指标,列出各报告中的相应数字:表头的 ⋮ 菜单可排序,柱状图按地方比较,可下载为 Excel 或 CSV。"
FACTS_PLACEHOLDER = "输入指标,例如:{example}"
FACTS_EXAMPLES = "示例指标(点一下就查)"
FACTS_EMPTY = "请输入要汇总的指标,例如:{example}。"
FACTS_FOUND = "找到 {n} 条数字,来自 {reports} 份报告。"
FACTS_FAILED = "汇总时出错,请稍后再试;如果一直出错,请联系管理员查看服务日志。"
FACTS_CAPPED = "只列出最相关的 {limit} 条。"
FACTS_UNITS_DIFFER = "单位不同({units}),图中只画单位为“{unit}”的 {n} 条。"
FACTS_CHART_TOP = "图中只画数值最大的 {n} 条。"
FACTS_TABLE = ["地方", "指标", "数值(原文)", "折合数", "单位", "日期", "出处"]
FACTS_SOURCE = "{title} · {date} · 第{paragraph}段"
FACTS_NO_PLACE = "未注明"
FACTS_NO_DATE = "-"
FACTS_CHART = "各地数值"
FACTS_CHART_X, FACTS_CHART_Y = "地方", "数值({unit})"
FACTS_XLSX, FACTS_CSV = "下载 Excel(.xlsx)", "下载 CSV"
# A university the question names that no report names (app/api.py): the universities the knowledge base has.
NO_UNIVERSITY = "知识库中没有关于{name}的报告。现有的高校报告:{schools}。"
NO_UNIVERSITY_EN = "The knowledge base has no report about {name}. Universities it covers: {schools}."
