"""The page's 上传报告 and 知识库 tabs (part of app.web.ui's page): upload, search, delete after a confirmation
naming the report, undo of the last delete, re-index, and the audit log of all of these.

Every action answers in one short line where it was asked (under the button or the table); report text and
file names are escaped before they reach Markdown (app.web.render.safe).
"""
from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from ingest import messages as msg

from . import audit, uploads
from .render import message_html, safe
from .service import UPLOAD_TYPES, Service, UserError, origin_text

DOC_HEADERS = ["文件", "标题", "日期", "来源", "段落数", "分块数"]
PRIVATE = {"api_visibility": "private"}


def _doc_rows(docs) -> list[list]:
    return [[d.source, d.title, d.date or "-", origin_text(d.origin), d.paragraphs, d.chunks] for d in docs]


def _doc_choices(docs) -> list[tuple[str, str]]:
    """(label, doc_id) per document: a file name with its origin, and its id when that is not enough."""
    labels = [f"{d.source} · {origin_text(d.origin)}" for d in docs]
    return [(label if labels.count(label) == 1 else f"{label} · {d.doc_id[:8]}", d.doc_id)
            for label, d in zip(labels, docs)]


def _user(request) -> str:
    """The login name of this page's user ("" without a login): uploads' origin, the audit log's user."""
    return getattr(request, "username", None) or ""


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


def _counts(rows: list[list]) -> str:
    seen = {}
    for row in rows:
        seen[row[1]] = seen.get(row[1], 0) + 1
    return ",".join(f"{status} {n}" for status, n in seen.items())


@dataclass
class Parts:
    """What the page's load event refreshes."""

    query: gr.Textbox
    outputs: list
    on_open: object


def tabs(service: Service, docs: list) -> Parts:
    """Lay out both tabs inside the page's gr.Tabs and wire their events."""

    def refresh(query=""):
        """-> table, dropdown, status: the listing, "no match" when a search finds nothing; or, when it
        cannot be read, the last one kept and why."""
        try:
            docs = service.documents()
        except UserError as err:
            return gr.skip(), gr.skip(), safe(str(err))
        shown, query = Service.matching(docs, query), (query or "").strip()
        note = safe(msg.NO_MATCH.format(query=query)) if query and not shown else ""
        return _doc_rows(shown), gr.update(choices=_doc_choices(docs), value=None), note

    def undo_button():
        source = service.undoable()
        return gr.update(visible=bool(source), value=msg.UNDO_LABEL.format(source=source))

    def on_open(query):
        return *refresh(query), undo_button(), service.audit_rows()

    def on_upload(files, query, progress=gr.Progress(), request: gr.Request = None):
        """A busy or unreachable knowledge base fails each file with the reason; questions go on meanwhile."""
        paths = [f if isinstance(f, str) else getattr(f, "name", str(f)) for f in files or []]
        if not paths:  # the last results stay; the answer goes under the button
            return *[gr.skip()] * 5, message_html(msg.CHOOSE_FILES, "notice"), gr.skip()
        try:
            rows = service.upload(paths, progress=lambda done, what: progress(done, desc=what), user=_user(request))
        finally:
            _discard(paths)  # Gradio's copies (0644, in /tmp): the index keeps its own
        note = message_html(msg.UPLOADED.format(n=len(rows), counts=_counts(rows)), "notice")
        return rows, *refresh(query), None, note, service.audit_rows()

    def on_ask_delete(doc_id):
        """删除: name the report and ask; nothing is deleted yet."""
        try:
            doc = next((d for d in service.documents() if d.doc_id == doc_id), None) if doc_id else None
        except UserError as err:
            return gr.update(visible=False), "", safe(str(err))
        if doc is None:
            text = msg.CHOOSE_DOCUMENT if not doc_id else msg.NOT_FOUND.format(doc_id=str(doc_id)[:64])
            return gr.update(visible=False), "", safe(text)
        label = f"{doc.source} · {origin_text(doc.origin)}"
        question = msg.CONFIRM_DELETE.format(label=label, chunks=doc.chunks, hours=uploads.UNDO_HOURS)
        return gr.update(visible=True), safe(question), ""

    def on_delete(doc_id, query, request: gr.Request = None):  # one document, not every file of that name
        try:
            message = service.delete(doc_id, user=_user(request)) if doc_id else msg.CHOOSE_DOCUMENT
        except UserError as err:
            message = str(err)
        return (safe(message), *refresh(query)[:2], gr.update(visible=False), undo_button(),
                service.audit_rows())  # file names are the user's: never Markdown

    def on_undo(query, request: gr.Request = None):
        try:
            message = service.undo(user=_user(request))
        except UserError as err:
            message = str(err)
        return safe(message), *refresh(query)[:2], undo_button(), service.audit_rows()

    def on_reindex(query, request: gr.Request = None):
        from .kb import reindexed

        try:
            message = reindexed(service.reindex(user=_user(request)))
        except UserError as err:
            message = str(err)
        return safe(message), *refresh(query)[:2], service.audit_rows()

    with gr.Tab("上传报告", id="upload"):
        gr.Markdown(f"支持 {' '.join(UPLOAD_TYPES)},单个文件不超过 {service.settings.max_file_mb} MB。"
                    "与已有文件同名但内容不同的文件作为新文档导入,「知识库」页的「来源」列注明是哪次上传;"
                    "内容相同的文件不会重复导入。导入时照常可以提问。")
        files = gr.File(label="报告文件", file_count="multiple", file_types=list(UPLOAD_TYPES), elem_id="yq-files")
        upload = gr.Button("导入知识库", variant="primary", elem_id="yq-upload")
        upload_note = gr.HTML(elem_id="yq-upload-note")
        results = gr.Dataframe(headers=["文件", "结果", "原因", "分块数"], datatype="str", type="array",
                               interactive=False, elem_id="yq-results")
    with gr.Tab("知识库", id="kb"):
        query = gr.Textbox(label="搜索", placeholder="按文件名、标题、日期或来源筛选", elem_id="yq-search")
        table = gr.Dataframe(_doc_rows(docs), headers=DOC_HEADERS, datatype="str", type="array",
                             interactive=False, elem_id="yq-docs")
        with gr.Row():
            pick = gr.Dropdown(_doc_choices(docs), value=None, label="选择要删除的报告(文件名 · 来源)",
                               scale=3, elem_id="yq-pick")
            delete = gr.Button("删除", variant="stop", scale=1, elem_id="yq-delete")
            undo = gr.Button(visible=False, scale=1, elem_id="yq-undo")
            reindex = gr.Button("重新索引", scale=1, elem_id="yq-reindex")
        with gr.Row(visible=False, elem_id="yq-confirm") as confirm:
            question = gr.Markdown(elem_id="yq-confirm-text")
            sure = gr.Button("确认删除", variant="stop", scale=0, elem_id="yq-confirm-delete")
            cancel = gr.Button("取消", scale=0, elem_id="yq-cancel-delete")
        status = gr.Markdown(elem_id="yq-status")
        gr.Markdown(f"#### 操作记录(最近 {audit.SHOWN} 条:上传、删除、撤销、重新索引)")
        log = gr.Dataframe(service.audit_rows(), headers=audit.HEADERS, datatype="str", type="array",
                           interactive=False, elem_id="yq-audit")

    listing = [table, pick]
    upload.click(on_upload, [files, query], [results, *listing, status, files, upload_note, log], **PRIVATE)
    query.change(refresh, [query], [*listing, status], **PRIVATE)
    pick.change(lambda: gr.update(visible=False), None, [confirm], **PRIVATE)  # a question about another row
    delete.click(on_ask_delete, [pick], [confirm, question, status], **PRIVATE)
    sure.click(on_delete, [pick, query], [status, *listing, confirm, undo, log], **PRIVATE)
    cancel.click(lambda: (gr.update(visible=False), safe(msg.DELETE_CANCELLED)), None, [confirm, status], **PRIVATE)
    undo.click(on_undo, [query], [status, *listing, undo, log], **PRIVATE)
    reindex.click(on_reindex, [query], [status, *listing, log], **PRIVATE)
    return Parts(query, [*listing, status, undo, log], on_open)
