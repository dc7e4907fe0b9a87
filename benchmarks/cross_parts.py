"""Per-part cross scores over one index of every report (corpus, practice2 A/B, practice3-5):

    python -m app.cli ingest /tmp/xall-docs --index /tmp/xall-idx     # symlinks to every report file
    PYTHONPATH=. python benchmarks/cross_parts.py TAG

Parts: crossdev odd ids, cross4 and cross5 to develop on; crossdev even ids and cross.jsonl only measured, their
failures never written. Writes /tmp/xeval/TAG.fail.txt (development failures) and TAG.json (right per id)."""
import json, os, sys, time
from app.api import Assistant
from app.evaluation.metrics import load_gold
from app.evaluation.evaluate import evaluate

G = "tests/data/gold/"
a = Assistant.open(index="/tmp/xall-idx")
parts = {}
t = time.time()
for name in ("crossdev", "cross", "cross4", "cross5"):
    gold = load_gold(G + name + ".jsonl")
    outs = evaluate(a, gold, file=name)
    if name == "crossdev":
        odd = [o for o in outs if int(o.id.split("-")[1]) % 2 == 1]
        even = [o for o in outs if int(o.id.split("-")[1]) % 2 == 0]
        parts["crossdev-odd"], parts["crossdev-even"] = odd, even
    else:
        parts[name] = outs
tag = sys.argv[1] if len(sys.argv) > 1 else "run"
os.makedirs("/tmp/xeval", exist_ok=True)
dev = {"crossdev-odd", "cross4", "cross5"}
with open(f"/tmp/xeval/{tag}.fail.txt", "w") as fh:
    for p, outs in parts.items():
        if p not in dev:
            continue
        for o in outs:
            if not o.correct:
                fh.write(f"{o.id}\t{o.question}\texp={o.expected}\tgot={o.got!r}\tfound={o.found}\tcited={o.cited}\n")
res = {}
for p, outs in parts.items():
    n = len(outs)
    res[p] = (sum(o.correct for o in outs), sum(o.cited for o in outs), n)
    print(f"{p:14s} acc {res[p][0]}/{n} = {res[p][0]/n:.3f}  cite {res[p][1]}/{n} = {res[p][1]/n:.3f}")
json.dump({p: {o.id: o.correct for o in outs} for p, outs in parts.items()}, open(f"/tmp/xeval/{tag}.json", "w"))
print(f"{time.time()-t:.0f}s")
