"""The web page (gr.Blocks, in Chinese): chat with cited answers and feedback, upload, knowledge base.

`build_demo(service)` lays the page out over an app.service.Service; `serve()` runs app.server's FastAPI app
(`youthqa serve`), `start_in_thread()` runs it in the background.
Chat messages are HTML built by app.render (report text escaped), shown with Markdown rendering off.
A busy or unreachable knowledge base (app.service.Unavailable) is a one-line message where the action was.
"""
from __future__ import annotations

import logging
import os
import sys
import threading

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # nothing leaves the machine

import gradio as gr  # noqa: E402

from ingest.settings import Settings  # noqa: E402

from .render import answer_html, message_html, passages_html, safe  # noqa: E402
from .server import create_app, is_loopback, parse_auth  # noqa: E402
from .service import MSG_FAILED, UPLOAD_TYPES, Service, Unavailable, UserError, origin_text  # noqa: E402

log = logging.getLogger(__name__)

# One question per bundled report; the page shows those whose report is in the index.
EXAMPLES = {
    "tongchuan-youth-league-2021-08-16.txt": "铜川的志愿汇平台注册了多少志愿者?",
    "ningxia-registered-volunteers-2017.txt": "宁夏在全国志愿服务信息系统中实名注册的志愿者有多少人?",
    "hubei-qingchuangdai-2022.html": "湖北“青创贷”启动以来累计发放了多少笔贷款?",
    "hainan-youth-volunteers.md": "海南全省线上注册的青年志愿者有多少人?",
    "jining-learn-from-leifeng-2019.txt": "出席济宁这次学雷锋主题志愿服务活动的团济宁市委书记叫什么?",
    "qingzhen-antidrug-2019.txt": "参加清镇这次禁毒宣传活动的青年禁毒志愿者有多少名?",
    "xinjiang-hope-project-2019.md": "希望工程是哪一年进入新疆的?",
    "luoyang-league-tasks-2022.md": "洛阳团市委2022年计划建成多少个“青翼家园”?",
    "tianxin-league-summary-2021.html": "天心区2021年推报了几名市级青年岗位能手?",
}


DOC_HEADERS = ["文件", "标题", "日期", "来源", "段落数", "分块数"]


def _doc_rows(docs) -> list[list]:
    return [[d.source, d.title, d.date or "-", origin_text(d.origin), d.paragraphs, d.chunks] for d in docs]


def _doc_choices(docs) -> list[tuple[str, str]]:
    """(label, doc_id) per document: a file name with its origin, and its id when that is not enough."""
    labels = [f"{d.source} · {origin_text(d.origin)}" for d in docs]
    return [(label if labels.count(label) == 1 else f"{label} · {d.doc_id[:8]}", d.doc_id)
            for label, d in zip(labels, docs)]


def _discard(paths: list[str]) -> None:
    """Remove Gradio's uploaded copies (and their per-upload folders) once the index has its own."""
    from pathlib import Path

    from gradio.utils import get_upload_folder

    root = Path(get_upload_folder()).resolve()
    for path in map(Path, paths):
        if root in path.resolve().parents:
            path.unlink(missing_ok=True)
            if path.parent != root and not any(path.parent.iterdir()):
                path.parent.rmdir()


def build_demo(service: Service) -> gr.Blocks:
    def respond(question, chat, turns):
        """chat: the messages so far, kept in this session's server-side State. The Chatbot is only ever an
        output: as an input its value is whatever a client sends, file entries included (app.guard)."""
        chat, turns = list(chat or []), list(turns or [])
        shown = (question or "").strip()
        if shown:
            chat.append({"role": "user", "content": message_html(shown if len(shown) <= 200 else shown[:200] + "…", "q")})
        chat.append({"role": "assistant", "content": message_html("正在检索…", "pending")})
        history = [(t["question"], t["text"]) for t in turns if t.get("text")]
        answer, text = None, ""
        yield list(chat), "", gr.skip(), turns, list(chat)
        try:
            for part in service.stream(question, history):
                if isinstance(part, str):
                    text += part
                    chat[-1] = {"role": "assistant", "content": message_html(text, "partial")}
                    yield list(chat), "", gr.skip(), turns, list(chat)
                else:
                    answer = part
        except UserError as err:
            chat[-1] = {"role": "assistant", "content": message_html(str(err), "error")}
            yield list(chat), question, passages_html(None), turns, list(chat)
            return
        except Exception:
            log.exception("answering %r failed", question)
            chat[-1] = {"role": "assistant", "content": message_html(MSG_FAILED, "error")}
            yield list(chat), question, passages_html(None), turns, list(chat)
            return
        chat[-1] = {"role": "assistant", "content": answer_html(answer)}
        turns.append({"index": len(chat) - 1, "question": shown, "text": answer.text, "value": answer.value,
                      "citations": [{"source": c.source, "paragraph": c.paragraph, "label": c.label()}
                                    for c in answer.citations]})
        yield list(chat), "", passages_html(answer), turns, list(chat)

    def on_like(turns, data: gr.LikeData):
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        turn = next((t for t in turns or [] if t["index"] == index), None)
        if turn is not None:
            service.record_feedback(turn, data.liked)

    def refresh(query=""):
        """-> table, dropdown, status: the listing; or, when it cannot be read, the last one kept and why."""
        try:
            docs = service.documents()
        except UserError as err:
            return gr.skip(), gr.skip(), safe(str(err))
        return (_doc_rows(Service.matching(docs, query)), gr.update(choices=_doc_choices(docs), value=None),
                gr.skip())

    def on_upload(files, query, progress=gr.Progress(), request: gr.Request = None):
        """A busy or unreachable knowledge base fails each file with the reason; questions go on meanwhile."""
        paths = [f if isinstance(f, str) else getattr(f, "name", str(f)) for f in files or []]
        if not paths:
            return [["-", "-", "请先选择要上传的文件。", 0]], *refresh(query), None
        try:
            rows = service.upload(paths, progress=lambda done, what: progress(done, desc=what),
                                  user=getattr(request, "username", None) or "")
        finally:
            _discard(paths)  # Gradio's copies (0644, in /tmp): the index keeps its own
        return rows, *refresh(query), None

    def on_delete(doc_id, query):  # the dropdown's value: one document, not every file of that name
        try:
            message = service.delete(doc_id) if doc_id else "请先选择要删除的文档。"
        except UserError as err:
            message = str(err)
        return safe(message), *refresh(query)[:2]  # file names are the user's: never Markdown

    def on_reindex(query):
        try:
            rows = service.reindex()
        except UserError as err:
            return safe(str(err)), *refresh(query)[:2]
        counts = {k: sum(1 for r in rows if f"({k})" in r[1]) for k in ("updated", "removed", "failed")}
        return ("重新索引完成:{updated} 个文档已更新,{removed} 个文件已不存在并移出知识库,{failed} 个失败。"
                .format(**counts), *refresh(query)[:2])

    try:
        docs = service.documents()
    except UserError:  # busy or unreachable: the page still comes up, and says why on load
        docs = []
    have = {d.source for d in docs}
    examples = [q for source, q in EXAMPLES.items() if source in have] or [EXAMPLES[next(iter(EXAMPLES))]]
    private = {"api_visibility": "private"}

    with gr.Blocks(title="共青团工作报告问答") as demo:
        turns, messages = gr.State([]), gr.State([])
        gr.Markdown("## 共青团工作报告问答\n根据已导入的工作报告回答问题:给出确切数字,并注明出处段落。")
        with gr.Tabs():
            with gr.Tab("问答", id="chat"):
                with gr.Row():
                    with gr.Column(scale=3):
                        chat = gr.Chatbot(label="对话", height=520, elem_id="yq-chat", render_markdown=False,
                                          sanitize_html=True, latex_delimiters=[], allow_tags=False,
                                          feedback_options=("Like", "Dislike"), buttons=["copy"],
                                          placeholder="在下面输入问题,或点一个示例问题。")
                        with gr.Row():
                            box = gr.Textbox(show_label=False, scale=5, max_lines=4, elem_id="yq-question",
                                             placeholder=f"输入问题,例如:{examples[0]}")
                            send = gr.Button("提问", variant="primary", scale=1, elem_id="yq-send")
                        gr.Examples([[q] for q in examples], inputs=[box], label="示例问题")
                        clear = gr.Button("清空对话", size="sm")
                    with gr.Column(scale=2):
                        gr.Markdown("### 检索到的段落")
                        sources = gr.HTML(passages_html(None), elem_id="yq-sources")
            with gr.Tab("上传报告", id="upload"):
                gr.Markdown(f"支持 {' '.join(UPLOAD_TYPES)},单个文件不超过 {service.settings.max_file_mb} MB。"
                            "与已有文件同名但内容不同的文件作为新文档导入,「知识库」页的「来源」列注明是哪次上传;"
                            "内容相同的文件不会重复导入。导入时照常可以提问。")
                files = gr.File(label="报告文件", file_count="multiple", file_types=list(UPLOAD_TYPES),
                                elem_id="yq-files")
                upload = gr.Button("导入知识库", variant="primary", elem_id="yq-upload")
                results = gr.Dataframe(headers=["文件", "结果", "原因", "分块数"], datatype="str", type="array",
                                       interactive=False, elem_id="yq-results")
            with gr.Tab("知识库", id="kb"):
                query = gr.Textbox(label="搜索", placeholder="按文件名、标题或日期筛选", elem_id="yq-search")
                table = gr.Dataframe(_doc_rows(docs), headers=DOC_HEADERS, datatype="str", type="array",
                                     interactive=False, elem_id="yq-docs")
                with gr.Row():
                    pick = gr.Dropdown(_doc_choices(docs), value=None, label="选择要删除的文档(文件名 · 来源)",
                                       scale=3, elem_id="yq-pick")
                    delete = gr.Button("删除", variant="stop", scale=1, elem_id="yq-delete")
                    reindex = gr.Button("重新索引", scale=1)
                status = gr.Markdown(elem_id="yq-status")

        chat_io = {"fn": respond, "inputs": [box, messages, turns], "outputs": [chat, box, sources, turns, messages]}
        send.click(**chat_io, api_name="ask")
        box.submit(**chat_io, **private)
        chat.like(on_like, [turns], None, **private)
        clear.click(lambda: ([], [], passages_html(None), []), None, [chat, messages, sources, turns], **private)
        chat.clear(lambda: ([], passages_html(None), []), None, [messages, sources, turns], **private)
        upload.click(on_upload, [files, query], [results, table, pick, status, files], **private)
        query.change(refresh, [query], [table, pick, status], **private)
        delete.click(on_delete, [pick, query], [status, table, pick], **private)
        reindex.click(on_reindex, [query], [status, table, pick], **private)
        demo.load(refresh, [query], [table, pick, status], **private)
    return demo


def _server(app, host: str, port: int):
    import uvicorn

    # Browsers and gradio_client hold event streams open; do not wait for them forever on shutdown.
    return uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=2))


def start_in_thread(settings: Settings, host: str, port: int, service: Service | None = None):
    """Run the app in a background thread (tests, notebooks) -> (server, thread).
    Stop it with `server.should_exit = True; thread.join()`."""
    server = _server(create_app(settings, service, host), host, port)
    thread = threading.Thread(target=server.run, name="youthqa-server", daemon=True)
    thread.start()
    return server, thread


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 7860) -> int:
    """`youthqa serve`: refuse a non-loopback host without a login, then run uvicorn until stopped.
    A Chroma server that cannot be reached yet is only a warning: the page says so until it answers."""
    try:
        users = parse_auth(settings.auth)
    except ValueError as err:
        print(f"youthqa serve: {err}", file=sys.stderr)
        return 2
    if not users and not is_loopback(host):
        print(f"youthqa serve: refusing to serve on {host} without a login; set YOUTHQA_AUTH=user:password "
              f"or use --host 127.0.0.1 (拒绝在非本机地址上无登录提供服务)", file=sys.stderr)
        return 2
    if not is_loopback(host) and not settings.public_hosts:
        print(f"youthqa serve: 在 {host} 上提供服务时,请用 YOUTHQA_PUBLIC_HOSTS 写明用户访问的主机名或地址"
              f"(如 qa.example.org,10.0.0.5);其他 Host 的请求一律拒绝", file=sys.stderr)
        return 2
    service = Service(settings)
    try:
        docs = len(service.documents())  # opens the Assistant now, not on the first question
    except UserError as err:
        print(f"youthqa serve: {err}", file=sys.stderr)
        if not (settings.server_mode and isinstance(err, Unavailable)):
            return 1  # an embedded index locked by another process, or one that cannot be opened
        docs = -1
    note = {-1: "the Chroma server is not answering yet", 0: "the knowledge base is empty: upload reports on the page"}
    print(f"youthqa: serving http://{host}:{port}/ ({note.get(docs, f'{docs} documents')}; "
          f"index {settings.location()})", flush=True)
    server = _server(create_app(settings, service, host), host, port)
    try:
        server.run()
    except SystemExit as stop:  # uvicorn exits when it cannot bind the port
        return int(stop.code or 1)
    return 0 if server.started else 1
