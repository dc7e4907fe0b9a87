"""`youthqa ingest` and `youthqa status` through app.cli.main."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from app.cli import main

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(autouse=True)
def no_youthqa_env(monkeypatch):
    for name in list(os.environ):
        if name.startswith("YOUTHQA_"):
            monkeypatch.delenv(name)


def test_ingest_then_status(tmp_path, capsys):
    index = tmp_path / "idx"
    assert main(["ingest", str(CORPUS), "--index", str(index)]) == 0
    out = capsys.readouterr().out
    summary = re.search(r"documents: 9 added, 0 updated, 0 unchanged, 0 failed; chunks written: (\d+); [\d.]+ s", out)
    assert summary, out
    chunks = int(summary.group(1))

    assert main(["status", "--index", str(index)]) == 0
    out = capsys.readouterr().out
    assert f"index:      {index.resolve()} (embedded), collection youthqa" in out
    assert "embedding:  use-multilingual" in out
    assert "documents:  9" in out
    assert f"chunks:     {chunks}" in out
    assert "tongchuan-youth-league-2021-08-16.txt  2021-08-16  14 paragraphs" in out
    assert "铜川团市委荣获铜川市2020年度平安建设工作先进集体" in out

    assert main(["ingest", str(CORPUS), "--index", str(index)]) == 0
    assert "0 added, 0 updated, 9 unchanged, 0 failed; chunks written: 0" in capsys.readouterr().out


def test_index_from_environment(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("YOUTHQA_INDEX", str(tmp_path / "env-idx"))
    assert main(["ingest", str(CORPUS / "tongchuan-youth-league-2021-08-16.txt")]) == 0
    assert main(["status"]) == 0
    assert f"index:      {(tmp_path / 'env-idx').resolve()}" in capsys.readouterr().out


def test_ingest_only_bad_files_returns_1(tmp_path, capsys):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "garbled.txt").write_bytes(b"\xff\xfe\xff" * 1000)
    (bad / "notes.xyz").write_text("共青团", encoding="utf-8")
    assert main(["ingest", str(bad), "--index", str(tmp_path / "idx")]) == 1
    out = capsys.readouterr().out
    assert "failed  empty.txt: file is empty" in out
    assert "failed  garbled.txt: cannot decode" in out
    assert "failed  notes.xyz: unsupported file type .xyz" in out
    assert "0 added, 0 updated, 0 unchanged, 3 failed" in out


def test_strict_and_mixed(tmp_path, capsys):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "r.txt").write_text("团市委召开会议\n发布时间:2021-01-02\n\n会议总结了全年工作。\n", encoding="utf-8")
    assert main(["ingest", str(folder), "--index", str(tmp_path / "a")]) == 0
    assert main(["ingest", str(folder), "--index", str(tmp_path / "b"), "--strict"]) == 1
    assert "1 added, 0 updated, 0 unchanged, 1 failed" in capsys.readouterr().out


def test_status_without_index(tmp_path, capsys):
    assert main(["status", "--index", str(tmp_path / "nothing")]) == 1
    assert "youthqa: error: no knowledge base at" in capsys.readouterr().err


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "ingest" in capsys.readouterr().out
