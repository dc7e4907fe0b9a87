"""The web page (gr.Blocks, in Chinese): chat with cited answers and feedback, upload, knowledge base.

`build_demo(service)` lays the page out over an app.web.service.Service (its 上传报告 and 知识库 tabs: app.web.ui_kb;
数据汇总: app.web.ui_facts);
app.web.serve runs app.web.server's FastAPI app (`youthqa serve`, or in a background thread).
Chat messages are HTML built by app.web.render (report text escaped), shown with Markdown rendering off.
A busy or unreachable knowledge base (app.web.service.Unavailable) is a one-line message where the action was.
"""
from __future__ import annotations

import logging
import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # nothing leaves the machine

import gradio as gr  # noqa: E402

from ingest import messages as msg  # noqa: E402

from . import ui_facts, ui_kb  # noqa: E402
from .render import answer_html, message_html, passages_html  # noqa: E402
from .serve import serve, start_in_thread  # noqa: E402  (their home before app.web.serve)
from .service import Service, UserError  # noqa: E402

__all__ = ["EXAMPLES", "build_demo", "serve", "start_in_thread"]

log = logging.getLogger(__name__)
PRIVATE = ui_kb.PRIVATE

# One question per bundled report; the page shows those whose report is in the index, SHOWN at most: more
# would not fit under the question box at 1366x768.
SHOWN = 6
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


# Gradio's own Chinese lacks these: its copy button said "Copy message" on a Chinese page.
I18N = {"chatbot": {"copy_message": "复制回答", "copied_message": "已复制"}}


def build_demo(service: Service) -> gr.Blocks:
    def respond(question, chat, turns):
        """chat: the messages so far, kept in this session's server-side State. The Chatbot is only ever an
        output: as an input its value is whatever a client sends, file entries included (app.web.guard).
        A blank question is answered under the box: the conversation and the side panel stay as they were."""
        shown = (question or "").strip()
        if not shown:
            yield gr.skip(), "", gr.skip(), gr.skip(), gr.skip(), notice(msg.EMPTY_QUESTION)
            return
        chat, turns = list(chat or []), list(turns or [])
        chat.append({"role": "user", "content": message_html(shown if len(shown) <= 200 else shown[:200] + "…", "q")})
        chat.append({"role": "assistant", "content": message_html(msg.SEARCHING, "pending")})
        history = [(t["question"], t["text"]) for t in turns if t.get("text")]
        answer, text = None, ""
        yield list(chat), "", gr.skip(), turns, list(chat), ""
        try:
            for part in service.stream(question, history):
                if isinstance(part, str):
                    text += part
                    chat[-1] = {"role": "assistant", "content": message_html(text, "partial")}
                    yield list(chat), "", gr.skip(), turns, list(chat), ""
                else:
                    answer = part
        except UserError as err:
            chat[-1] = {"role": "assistant", "content": message_html(str(err), "error")}
            yield list(chat), question, passages_html(None), turns, list(chat), ""
            return
        except Exception:
            log.exception("answering %r failed", question)
            chat[-1] = {"role": "assistant", "content": message_html(msg.ANSWER_FAILED, "error")}
            yield list(chat), question, passages_html(None), turns, list(chat), ""
            return
        chat[-1] = {"role": "assistant", "content": answer_html(answer)}
        turns.append({"index": len(chat) - 1, "question": shown, "text": answer.text, "value": answer.value,
                      "citations": [{"source": c.source, "paragraph": c.paragraph, "label": c.label()}
                                    for c in answer.citations]})
        yield list(chat), "", passages_html(answer), turns, list(chat), ""

    def ask_example(index, chat, turns):
        """A click on an example question asks it."""
        if isinstance(index, int) and 0 <= index < len(examples):
            yield from respond(examples[index], chat, turns)

    def on_like(turns, data: gr.LikeData):
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        turn = next((t for t in turns or [] if t["index"] == index), None)
        if turn is None:
            return gr.skip()
        service.record_feedback(turn, data.liked)
        return notice(msg.FEEDBACK.get(data.liked if isinstance(data.liked, bool) else None))

    try:
        docs = service.documents()
    except UserError:  # busy or unreachable: the page still comes up, and says why on load
        docs = []
    have = {d.source for d in docs}
    examples = ([q for source, q in EXAMPLES.items() if source in have] or [EXAMPLES[next(iter(EXAMPLES))]])[:SHOWN]

    with gr.Blocks(title="共青团工作报告问答") as demo:
        turns, messages = gr.State([]), gr.State([])
        gr.Markdown("## 共青团工作报告问答\n根据已导入的工作报告回答问题:给出确切数字,并注明出处段落。",
                    elem_id="yq-title")
        with gr.Tabs():
            with gr.Tab("问答", id="chat"):
                with gr.Row():
                    with gr.Column(scale=3):
                        chat = gr.Chatbot(label="对话", height="calc(100vh - 420px)", min_height=260, max_height=520,
                                          elem_id="yq-chat", render_markdown=False, sanitize_html=True,
                                          latex_delimiters=[], allow_tags=False, group_consecutive_messages=False,
                                          feedback_options=("Like", "Dislike"), buttons=["copy"],
                                          placeholder="在下面输入问题,或点一个示例问题。")
                        with gr.Row():
                            box = gr.Textbox(show_label=False, scale=5, max_lines=4, elem_id="yq-question",
                                             placeholder=f"输入问题,例如:{examples[0]}")
                            send = gr.Button("提问", variant="primary", scale=1, elem_id="yq-send")
                        note = gr.HTML(elem_id="yq-notice")
                        picks = gr.Dataset(components=[box], samples=[[q] for q in examples], type="index",
                                           label="示例问题(点一下就问)", elem_id="yq-examples")
                        clear = gr.Button("清空对话", size="sm", elem_id="yq-clear")
                    with gr.Column(scale=2):
                        gr.Markdown("### 检索到的段落")
                        sources = gr.HTML(passages_html(None), elem_id="yq-sources")
            kb = ui_kb.tabs(service, docs)
            ui_facts.tab(service)

        out = [chat, box, sources, turns, messages, note]
        send.click(respond, [box, messages, turns], out, api_name="ask")
        box.submit(respond, [box, messages, turns], out, **PRIVATE)
        picks.click(ask_example, [picks, messages, turns], out, **PRIVATE)
        chat.like(on_like, [turns], [note], **PRIVATE)
        clear.click(lambda: ([], [], passages_html(None), [], ""), None, [chat, messages, sources, turns, note],
                    **PRIVATE)
        chat.clear(lambda: ([], passages_html(None), [], ""), None, [messages, sources, turns, note], **PRIVATE)
        demo.load(kb.on_open, [kb.query], kb.outputs, **PRIVATE)
    demo.i18n_instance = gr.I18n(**{"zh-CN": I18N, "zh": I18N})  # what mount_gradio_app(i18n=) would set
    return demo


def notice(text: str) -> str:
    """A short answer to an action, shown where it was asked (the line under the question box)."""
    return message_html(text, "notice")
