"""Train the attribution taggers on PolNeAR train and record data, settings and figures next to them.

    python benchmarks/attribution/train.py --holdout 120    # the shipped models: last 120 docs held out
    python benchmarks/attribution/train.py --holdout 120 --score-only   # re-score them, no training

The shipped models are fitted on the first 718 PolNeAR train documents so that the decoding thresholds
in ``_extract.py`` could be chosen on the remaining 120 (figures for each in ``held_out_figures``).

Writes ``cues.crfsuite.gz`` and ``roles.crfsuite.gz`` (crfsuite's binary format, gzipped) and
``model_card.json`` (data file and its sha256, settings, sizes, training time, held-out figures) to
``--out``, by default the package folder ``src/storyweave/claims/attribution/``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

import pycrfsuite

from storyweave.claims.attribution import _extract
from storyweave.claims.attribution._features import cue_features, role_features
from storyweave.claims.attribution._tokens import Token, sentences_of

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data" / "polnear"
SCORER = REPO.parent / "shared" / "bench" / "score.py"
PACKAGE = REPO / "src" / "storyweave" / "claims" / "attribution"

Frags = list[tuple[int, int]]


def frags_of(role: list[dict] | None) -> Frags:
    return [(s, e) for part in role or [] for s, e in part["frags"]]


def covered(tokens: list[Token], frags: Frags) -> list[int]:
    return [i for i, t in enumerate(tokens) if any(t.start < e and s < t.end for s, e in frags)]


def bio(tags: list[str]) -> list[str]:
    """Plain role tags ("CON", "SRC", "O") to B-/I- labels: a chunk starts where the role changes."""
    out = []
    for i, tag in enumerate(tags):
        out.append("O" if tag == "O" else ("I-" if i and tags[i - 1] == tag else "B-") + tag)
    return out


def examples(record: dict) -> tuple[list[tuple[list, list]], list[tuple[list, list]]]:
    """Cue-tagging sequences (one per sentence) and role-tagging sequences (one per gold cue)."""
    sentences = sentences_of(record["text"])
    cue_rows: list[tuple[list, list]] = []
    role_rows: list[tuple[list, list]] = []
    by_sentence: list[list[tuple[tuple[int, int], dict]]] = [[] for _ in sentences]
    for attribution in record["attributions"]:
        cue, content = frags_of(attribution["cue"]), frags_of(attribution["content"])
        if not cue or not content:
            continue
        for index, tokens in enumerate(sentences):
            ids = covered(tokens, cue[:1])
            if ids:
                by_sentence[index].append(((ids[0], ids[-1] + 1), attribution))
                break
    for tokens, cues in zip(sentences, by_sentence, strict=True):
        tags = ["O"] * len(tokens)
        for (first, last), _ in cues:
            for i in range(first, last):
                tags[i] = "I-CUE" if i > first and tags[i - 1] != "O" else "B-CUE"
        cue_rows.append((cue_features(tokens), tags))
        for cue, attribution in cues:
            others = [False] * len(tokens)
            for other, _ in cues:
                if other != cue:
                    for i in range(*other):
                        others[i] = True
            roles = ["O"] * len(tokens)
            for i in covered(tokens, frags_of(attribution["content"])):
                roles[i] = "CON"
            for i in covered(tokens, frags_of(attribution["source"])):
                roles[i] = "SRC"
            for i in range(*cue):
                roles[i] = "O"
            role_rows.append((role_features(tokens, cue, others), bio(roles)))
    return cue_rows, role_rows


def train(rows: list[tuple[list, list]], path: Path, settings: dict) -> None:
    """Fit one CRF and write it gzipped (crfsuite models are mostly feature strings: ~2.5x smaller)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in rows:
        trainer.append(features, labels)
    trainer.set_params(settings)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "model.crfsuite"
        trainer.train(str(raw))
        path.write_bytes(gzip.compress(raw.read_bytes(), compresslevel=9, mtime=0))


# Posterior thresholds tried on the held-out documents; the chosen pair is set in _extract.py by hand.
THRESHOLD_GRID = [(0.5, 0.5), (0.35, 0.5), (0.35, 0.2), (0.25, 0.2), (0.2, 0.2)]


def score(records: list[dict], out_dir: Path) -> dict:
    """Predict with the current models and thresholds and score with the reference scorer."""
    gold = out_dir / "heldout_gold.jsonl"
    pred = out_dir / "heldout_pred.jsonl"
    with gold.open("w") as g, pred.open("w") as p:
        for record in records:
            g.write(json.dumps(record) + "\n")
            found = _extract.find_attributions(record["text"], record["id"])
            rows = [
                {
                    "source": [a.source.start, a.source.end] if a.source else None,
                    "cue": [a.cue.start, a.cue.end],
                    "content": [a.content.start, a.content.end],
                }
                for a in found
            ]
            p.write(json.dumps({"id": record["id"], "attributions": rows}) + "\n")
    done = subprocess.run(
        [sys.executable, str(SCORER), "attribution", "--pred", str(pred), "--gold", str(gold)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA / "train.jsonl")
    parser.add_argument("--out", type=Path, default=PACKAGE)
    parser.add_argument(
        "--holdout", type=int, default=0, help="score on the last N documents, train on the rest"
    )
    parser.add_argument("--c1", type=float, default=1.0)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument(
        "--score-only", action="store_true", help="re-score the models already in --out; no training"
    )
    args = parser.parse_args(argv)
    if not args.data.is_file():
        parser.error(f"{args.data} not found; pass --data PATH to PolNeAR train.jsonl")
    records = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    held = records[len(records) - args.holdout :] if args.holdout else []
    fit = records[: len(records) - args.holdout] if args.holdout else records
    args.out.mkdir(parents=True, exist_ok=True)
    card_path = args.out / "model_card.json"
    card = json.loads(card_path.read_text()) if args.score_only else fit_models(args, fit, held, argv)
    _extract.CUE_MODEL, _extract.ROLE_MODEL = args.out / "cues.crfsuite.gz", args.out / "roles.crfsuite.gz"
    if held:
        grid = []
        with tempfile.TemporaryDirectory() as tmp:
            for cue_threshold, source_threshold in THRESHOLD_GRID:
                _extract.CUE_THRESHOLD, _extract.SOURCE_THRESHOLD = cue_threshold, source_threshold
                figures = score(held, Path(tmp))
                grid.append({"cue_threshold": cue_threshold, "source_threshold": source_threshold, **figures})
                print(json.dumps(grid[-1]), flush=True)
        card["held_out_figures"] = grid
    card_path.write_text(json.dumps(card, indent=2) + "\n")
    print(json.dumps(card, indent=2))
    return 0


def fit_models(args: argparse.Namespace, fit: list[dict], held: list[dict], argv: list[str] | None) -> dict:
    """Train both taggers into ``args.out``; return the model card (data, settings, time, command)."""
    settings = {
        "c1": args.c1,
        "c2": args.c2,
        "max_iterations": args.iterations,
        "feature.possible_transitions": True,
    }
    cue_rows, role_rows = [], []
    for record in fit:
        cues, roles = examples(record)
        cue_rows.extend(cues)
        role_rows.extend(roles)
    began = time.perf_counter()
    train(cue_rows, args.out / "cues.crfsuite.gz", settings)
    train(role_rows, args.out / "roles.crfsuite.gz", settings)
    return {
        "data": {
            "file": str(args.data.relative_to(REPO.parent))
            if args.data.is_relative_to(REPO.parent)
            else str(args.data),
            "sha256": hashlib.sha256(args.data.read_bytes()).hexdigest(),
            "documents": len(fit),
            "held_out_documents": len(held),
            "sentences": len(cue_rows),
            "cues": len(role_rows),
        },
        "settings": {
            **settings,
            "algorithm": "lbfgs",
            "library": f"python-crfsuite {version('python-crfsuite')}",
        },
        "train_seconds": round(time.perf_counter() - began, 1),
        "command": "python benchmarks/attribution/train.py "
        + " ".join(argv if argv is not None else sys.argv[1:]),
    }


if __name__ == "__main__":
    raise SystemExit(main())
