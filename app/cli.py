"""The `youthqa` command: a thin shell over ingest_paths and the Assistant."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ingest.settings import Settings


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        settings = Settings.from_env(index=getattr(args, "index", None))
        return args.func(args, settings) or 0
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # one line for users; tracebacks only on request
        if getattr(args, "debug", False):
            raise
        print(f"youthqa: error: {err}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="youthqa", description="Question answering over youth-league work reports")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("ingest", help="add report files or folders to the knowledge base")
    p.add_argument("paths", nargs="+")
    p.add_argument("--prune", action="store_true", help="remove documents whose files are gone")
    p.add_argument("--strict", action="store_true", help="exit non-zero if any file fails")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("status", help="documents, chunks, embedding model, index location")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("ask", help="answer one question")
    p.add_argument("question")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("serve", help="run the web UI")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("eval", help="measure answer accuracy on gold sets")
    p.add_argument("gold", nargs="+", help="gold JSONL files: questions and/or conversations")
    p.add_argument("--corpus", action="append", help="build a throw-away index from this folder first (repeatable)")
    p.add_argument("--by-corpus", action="store_true",
                   help="score items that name their reports folder (near misses, conversations) against it")
    p.add_argument("--strict-evidence", action="store_true",
                   help="refuse to run if gold evidence is not in the text youthqa extracts (else: a warning each)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--report", help="write an HTML report here")
    p.add_argument("--min-accuracy", type=float, default=None)
    p.add_argument("--baseline", choices=["naive"], help="also run a peer pipeline for comparison")
    p.set_defaults(func=cmd_eval)

    for name, child in sub.choices.items():
        child.add_argument("--index", type=Path, default=None, help="index directory (default .youthqa-index)")
    return parser


def cmd_ingest(args, settings: Settings) -> int:
    from ingest import ingest_paths

    summary = ingest_paths(args.paths, settings, prune=args.prune, progress=True)
    print(summary.report())
    return summary.exit_code(strict=args.strict)


def cmd_status(args, settings: Settings) -> int:
    from ingest.store import Store

    store = Store.open(settings)
    docs = store.documents()
    print(f"index:      {settings.location()}")
    print(f"embedding:  {store.model}")
    print(f"documents:  {len(docs)}")
    print(f"chunks:     {store.count()}")
    for d in docs:
        print(f"  {d.source}  {d.date or '-'}  {d.paragraphs} paragraphs, {d.chunks} chunks  {d.title}")
    return 0


def cmd_ask(args, settings: Settings) -> int:
    from app.api import Assistant

    answer = Assistant.open(settings).ask(args.question)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(answer.text)
    for i, c in enumerate(answer.citations, start=1):
        print(f"  [{i}] {c.label()}  ({c.source})\n      {c.quote or c.text[:120]}")
    return 0


def cmd_serve(args, settings: Settings) -> int:
    from app.ui import serve

    return serve(settings, host=args.host, port=args.port)


def cmd_eval(args, settings: Settings) -> int:
    from app.evaluate import run_cli

    return run_cli(args, settings)


if __name__ == "__main__":
    sys.exit(main())
