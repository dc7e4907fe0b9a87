"""The `youthqa` command: a thin shell over ingest_paths and the Assistant. Messages are Chinese
(ingest/messages.py); libraries' log lines and warnings (jieba's dictionary, pypdf on a broken file) are
kept off the terminal unless --verbose.
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import warnings
from pathlib import Path

from ingest import messages as msg
from ingest.settings import Settings

NEEDS_INDEX = ("ask", "status", "facts")  # and serve, after its host checks (app/web/ui.py): only ingest creates one


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    with _quiet(not getattr(args, "verbose", False)):
        try:
            settings = Settings.from_env(index=getattr(args, "index", None))
            if args.command in NEEDS_INDEX and not is_index(settings):
                print(f"youthqa {args.command}: {msg.NOT_AN_INDEX.format(path=settings.index)}", file=sys.stderr)
                return 1
            return args.func(args, settings) or 0
        except KeyboardInterrupt:
            return 130
        except Exception as err:  # one line for users; tracebacks only on request
            if getattr(args, "debug", False):
                raise
            print(msg.CLI_ERROR.format(error=" ".join(str(err).split())), file=sys.stderr)
            return 1


def is_index(settings: Settings) -> bool:
    """Does settings name a knowledge base? A server's, or an embedded one's directory: Chroma's database,
    or the note of a recovery that emptied it (`status` explains that one)."""
    index = settings.index
    return settings.server_mode or (index / "chroma.sqlite3").is_file() or (index / ".youthqa-recovery.json").is_file()


class _quiet:
    """Library noise off (log records below ERROR, Python warnings) for one command; back on afterwards."""

    def __init__(self, on: bool):
        self.on, self.warnings = on, warnings.catch_warnings()

    def __enter__(self):
        if self.on:
            self.warnings.__enter__()
            warnings.simplefilter("ignore")
            logging.disable(logging.WARNING)  # jieba logs its dictionary at DEBUG through its own handler

    def __exit__(self, *exc):
        if self.on:
            logging.disable(logging.NOTSET)
            self.warnings.__exit__(*exc)


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, msg.ARGS["usage"] if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse in Chinese: usage, section titles, -h, and its errors (a missing or unknown argument)."""

    _ERRORS = ((r"the following arguments are required: (.*)()()", "required"),
               (r"unrecognized arguments: (.*)()()", "unrecognized"),
               (r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)", "choice"),
               (r"argument (\S+): invalid (\S+) value: (.*)", "value"),
               (r"argument (\S+): expected one argument()()", "one"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **{"add_help": False, "formatter_class": _Formatter, **kwargs})
        self._positionals.title, self._optionals.title = msg.ARGS["positionals"], msg.ARGS["optionals"]
        self.add_argument("-h", "--help", action="help", help=msg.ARGS["help"])

    def error(self, message):
        for pattern, key in self._ERRORS:
            if found := re.fullmatch(pattern, message):
                message = msg.ARGS[key].format(*found.groups())
                break
        self.print_usage(sys.stderr)
        self.exit(2, msg.ARGS["error"].format(prog=self.prog, message=message))


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="youthqa", description="共青团工作报告问答:导入报告,提问,给出确切数字并注明出处")
    parser.add_argument("--debug", action="store_true", help="出错时显示完整的 traceback")
    parser.add_argument("--verbose", action="store_true", help="显示各个库的日志和警告")
    sub = parser.add_subparsers(dest="command", title=msg.ARGS["commands"])

    p = sub.add_parser("ingest", help="把报告文件或目录导入知识库(没有知识库时新建)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="报告文件或目录")
    p.add_argument("--prune", action="store_true", help="移除文件已不存在的报告")
    p.add_argument("--strict", action="store_true", help="有任何文件失败就以非零状态退出")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("status", help="报告数、分块数、向量模型、知识库位置")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("ask", help="回答一个问题")
    p.add_argument("question", help="问题")
    p.add_argument("--json", action="store_true", help="以 JSON 输出回答")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("facts", help="列出各报告中某项指标的数字(如“注册志愿者”)")
    p.add_argument("query", help="指标,可带地名")
    p.add_argument("--csv", action="store_true", help="以 CSV 输出(可用 Excel 打开)")
    p.add_argument("--limit", type=int, default=200, help="最多列出多少条(默认 200)")
    p.set_defaults(func=cmd_facts)

    p = sub.add_parser("serve", help="启动网页问答")
    p.add_argument("--host", default="127.0.0.1", help="监听地址(默认 127.0.0.1)")
    p.add_argument("--port", type=int, default=7860, help="端口(默认 7860)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("eval", help="用标准答案集评测回答准确率")
    p.add_argument("gold", nargs="+", help="标准答案 JSONL 文件:问题和/或多轮对话")
    p.add_argument("--corpus", action="append", help="先用这个报告目录建一个临时知识库(可重复)")
    p.add_argument("--by-corpus", action="store_true",
                   help="写明了报告目录的条目(近似问题、多轮对话)各用自己的目录评测")
    p.add_argument("--strict-evidence", action="store_true",
                   help="标准证据不在 youthqa 提取的正文中时拒绝运行(否则逐条警告)")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果和出处信息")
    p.add_argument("--report", help="把 HTML 评测报告写到这里")
    p.add_argument("--min-accuracy", type=float, default=None, help="准确率低于此值时以非零状态退出")
    p.add_argument("--baseline", choices=["naive"], help="同时运行一个对照流程")
    p.set_defaults(func=cmd_eval)

    for name, child in sub.choices.items():
        child.add_argument("--index", type=Path, default=None, help="知识库目录(默认 .youthqa-index)")
        child.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS, help="显示各个库的日志和警告")
    return parser


def cmd_ingest(args, settings: Settings) -> int:
    from ingest import ingest_paths

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:  # a typo: nothing is created, not even the index directory
        for path in missing:
            print(f"youthqa ingest: {msg.NO_PATH.format(path=path)}", file=sys.stderr)
        return 2
    summary = ingest_paths(args.paths, settings, prune=args.prune, progress=True)
    print(summary.report())
    return summary.exit_code(strict=args.strict)


def cmd_status(args, settings: Settings) -> int:
    from ingest.snapshot import report
    from ingest.store import Store, StoreUnavailable

    try:
        store = Store.open(settings)
    except StoreUnavailable:  # e.g. emptied by a recovery: say so before the error
        if not settings.server_mode:
            print("\n".join(report(settings.index)[1:]), file=sys.stderr)
        raise
    docs = store.documents()
    where = (settings.location() if settings.server_mode else
             msg.STATUS_WHERE_EMBEDDED.format(path=settings.index.resolve(), collection=settings.collection))
    print(msg.STATUS_INDEX.format(where=where))
    print(msg.STATUS_MODEL.format(model=store.model))
    print(msg.STATUS_DOCS.format(n=len(docs)))
    print(msg.STATUS_CHUNKS.format(n=store.count()))
    if not settings.server_mode:  # its snapshot, and what the last recovery did (README "Crash safety")
        print("\n".join(report(settings.index)))
    for d in docs:
        print(msg.STATUS_DOC.format(source=d.source, date=d.date or "-", paragraphs=d.paragraphs, chunks=d.chunks,
                                    title=d.title))
    return 0


def cmd_ask(args, settings: Settings) -> int:
    from app.api import Assistant

    answer = Assistant.open(settings).ask(args.question)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(answer.text)
    for i, c in enumerate(answer.citations if answer.found else answer.passages[:3], start=1):
        print(f"  [{i}] {c.label()}  ({c.source})\n      {c.quote or c.text[:120]}")
    return 0


def cmd_facts(args, settings: Settings) -> int:
    from app.api import Assistant
    from app.export import csv_text

    facts = Assistant.open(settings).facts(args.query, args.limit)
    if not facts:
        print(msg.FACTS_NONE.format(query=args.query), file=sys.stderr)
        return 1
    if args.csv:  # the columns of the 数据汇总 tab's downloads (app/export.py)
        sys.stdout.write(csv_text(facts))
    else:
        from app.engine.cross import row

        for f in facts:
            print(row(f, f"{f.indicator} {f.label()}"))
    return 0


def cmd_serve(args, settings: Settings) -> int:
    from app.web.serve import serve

    return serve(settings, host=args.host, port=args.port)


def cmd_eval(args, settings: Settings) -> int:
    from app.evaluation.evaluate import run_cli

    return run_cli(args, settings)


if __name__ == "__main__":
    sys.exit(main())
