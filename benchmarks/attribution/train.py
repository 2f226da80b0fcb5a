"""Train the attribution taggers on PolNeAR train and record data, settings and figures next to them.

    python benchmarks/attribution/train.py --holdout 120    # the shipped models: last 120 docs held out
    python benchmarks/attribution/train.py --holdout 120 --score-only   # re-score them, no training

The shipped models are fitted on the first 718 PolNeAR train documents so that the decoding thresholds
in ``_extract.py`` could be chosen on the remaining 120 (figures for each in ``held_out_figures``).

Writes ``cues.crfsuite.gz`` and ``roles.crfsuite.gz`` (crfsuite's binary format, gzipped, trained side
by side in two processes), ``lexicon.json.gz`` (bucketed cue and source rates per word, see
``_lexicon.py``) and ``model_card.json`` (data file and its sha256, settings, sizes, training time,
held-out figures) to ``--out``, by default the package folder ``src/storyweave/claims/attribution/``.
The taggers also read the hand-written ``cue_words.txt`` (``_cuewords.py``), which is not written here:
its sha256 goes into the card, since models fitted with one version of it expect that version.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import multiprocessing
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

import _token_head as contextual
import numpy as np
import pycrfsuite
from _token_head import covered, frags_of, gold_cues

from storyweave.claims.attribution import _extract
from storyweave.claims.attribution._contextual import Probabilities
from storyweave.claims.attribution._cuewords import CUE_WORDS, load
from storyweave.claims.attribution._features import cue_features, role_features, sentence_words
from storyweave.claims.attribution._lexicon import EMPTY, Lexicon, RoleCounts
from storyweave.claims.attribution._tokens import sentences_of
from storyweave.text.encoder import MODEL_SHA256

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data" / "polnear"
SCORER = REPO.parent / "shared" / "bench" / "score.py"
PACKAGE = REPO / "src" / "storyweave" / "claims" / "attribution"

Frags = list[tuple[int, int]]
LEXICON_FOLDS = 5


def bio(tags: list[str]) -> list[str]:
    """Plain role tags ("CON", "SRC", "O") to B-/I- labels: a chunk starts where the role changes."""
    out = []
    for i, tag in enumerate(tags):
        out.append("O" if tag == "O" else ("I-" if i and tags[i - 1] == tag else "B-") + tag)
    return out


def role_counts(record: dict) -> RoleCounts:
    """Per-word counts of the document's tokens and of those inside a gold cue or source."""
    counts = RoleCounts()
    cues = [f for a in record["attributions"] for f in frags_of(a["cue"])]
    sources = [f for a in record["attributions"] for f in frags_of(a["source"])]
    for tokens in sentences_of(record["text"]):
        roles = ["O"] * len(tokens)
        for i in covered(tokens, sources):
            roles[i] = "SRC"
        for i in covered(tokens, cues):
            roles[i] = "CUE"
        counts.add([t.text for t in tokens], roles)
    return counts


def jackknifed_lexicons(records: list[dict], folds: int = LEXICON_FOLDS) -> tuple[list[Lexicon], Lexicon]:
    """(one lexicon per record built without the record's fold, the lexicon of all records).

    Training features from a lexicon that counted the record itself would let a word seen once, as a
    cue, vouch for itself; the CRF would then trust the lexicon more than it deserves at run time.
    """
    per_record = [role_counts(r) for r in records]
    fold_counts = [RoleCounts() for _ in range(folds)]
    for index, counts in enumerate(per_record):
        target = fold_counts[index % folds]
        target.total.update(counts.total)
        target.cue.update(counts.cue)
        target.source.update(counts.source)
    everything = RoleCounts()
    for counts in fold_counts:
        everything.total.update(counts.total)
        everything.cue.update(counts.cue)
        everything.source.update(counts.source)
    without = [everything.minus(fold_counts[k]).lexicon() for k in range(folds)]
    return [without[index % folds] for index in range(len(records))], everything.lexicon()


def examples(
    record: dict,
    lexicon: Lexicon,
    contextual: list[Probabilities] | None = None,
    cue_roles: dict[tuple[int, int, int], np.ndarray] | None = None,
) -> tuple[list[tuple[list, list]], list[tuple[list, list]]]:
    """Cue-tagging sequences (one per sentence) and role-tagging sequences (one per gold cue);
    ``contextual``: the token head's probabilities per sentence, ``cue_roles``: the role head's per
    (sentence, cue first token, cue end), both for the contextual taggers."""
    sentences = sentences_of(record["text"])
    cue_rows: list[tuple[list, list]] = []
    role_rows: list[tuple[list, list]] = []
    by_sentence = gold_cues(record, sentences)
    for index, (tokens, cues) in enumerate(zip(sentences, by_sentence, strict=True)):
        words = sentence_words(tokens, lexicon, contextual=contextual[index] if contextual else None)
        tags = ["O"] * len(tokens)
        for (first, last), _ in cues:
            for i in range(first, last):
                tags[i] = "I-CUE" if i > first and tags[i - 1] != "O" else "B-CUE"
        cue_rows.append((cue_features(words), tags))
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
            roles_here = cue_roles[(index, *cue)] if cue_roles is not None else None
            role_rows.append((role_features(words, cue, others, roles_here), bio(roles)))
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


# Posterior thresholds tried on the held-out documents; the chosen pair is set in _extract.py by hand
# (as are the weak- and nested-cue thresholds, recorded beside each row).
THRESHOLD_GRID = [(0.35, 0.05), (0.5, 0.05), (0.6, 0.05), (0.7, 0.05), (0.8, 0.05), (0.9, 0.05), (0.7, 0.2)]


def score(records: list[dict], out_dir: Path, contextual: bool = False) -> dict:
    """Predict with the current models and thresholds and score with the reference scorer."""
    gold = out_dir / "heldout_gold.jsonl"
    pred = out_dir / "heldout_pred.jsonl"
    with gold.open("w") as g, pred.open("w") as p:
        for record in records:
            g.write(json.dumps(record) + "\n")
            found = _extract.find_attributions(
                record["text"], record["id"], nested=False, contextual=contextual
            )
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
        "--fit-docs", type=int, default=0, help="fit on the first N non-held-out documents only (trials)"
    )
    parser.add_argument(
        "--no-lexicon", action="store_true", help="ablation: write an empty lexicon and fit without it"
    )
    parser.add_argument(
        "--score-only", action="store_true", help="re-score the models already in --out; no training"
    )
    parser.add_argument(
        "--contextual",
        action="store_true",
        help="the contextual taggers: fit the token head over encoder vectors and the CRFs with its output",
    )
    args = parser.parse_args(argv)
    if not args.data.is_file():
        parser.error(f"{args.data} not found; pass --data PATH to PolNeAR train.jsonl")
    records = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    held = records[len(records) - args.holdout :] if args.holdout else []
    fit = records[: len(records) - args.holdout] if args.holdout else records
    if args.fit_docs:
        fit = fit[: args.fit_docs]
    args.out.mkdir(parents=True, exist_ok=True)
    card_path = args.out / ("model_card_contextual.json" if args.contextual else "model_card.json")
    card = json.loads(card_path.read_text()) if args.score_only else fit_models(args, fit, held, argv)
    for name in (
        "CUE_MODEL",
        "ROLE_MODEL",
        "LEXICON",
        "CONTEXTUAL_CUE_MODEL",
        "CONTEXTUAL_ROLE_MODEL",
        "CONTEXTUAL_HEAD",
        "CONTEXTUAL_ROLE_HEAD",
    ):
        setattr(_extract, name, args.out / getattr(_extract, name).name)
    if held:
        grid = []
        with tempfile.TemporaryDirectory() as tmp:
            for cue_threshold, source_threshold in THRESHOLD_GRID:
                _extract.CUE_THRESHOLD, _extract.SOURCE_THRESHOLD = cue_threshold, source_threshold
                figures = score(held, Path(tmp), args.contextual)
                grid.append(
                    {
                        "cue_threshold": cue_threshold,
                        "source_threshold": source_threshold,
                        "weak_cue_threshold": _extract.WEAK_CUE_THRESHOLD,
                        "nested_cue_threshold": _extract.NESTED_CUE_THRESHOLD,
                        **figures,
                    }
                )
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
    began = time.perf_counter()
    per_record, lexicon = jackknifed_lexicons(fit)
    if args.no_lexicon:
        per_record, lexicon = [EMPTY] * len(fit), EMPTY
    lexicon.write(args.out / _extract.LEXICON.name)
    head_card, probabilities, role_probabilities = {}, [None] * len(fit), [None] * len(fit)
    cue_name, role_name = _extract.CUE_MODEL.name, _extract.ROLE_MODEL.name
    if args.contextual:
        head_began = time.perf_counter()
        labels = [contextual.token_labels(record) for record in fit]
        vectors = contextual.encode(fit)
        probabilities, head = contextual.cross_fitted(vectors, labels)
        head.write(args.out / _extract.CONTEXTUAL_HEAD.name)
        role_probabilities, roles_head = contextual.cross_fitted_roles(vectors, fit)
        roles_head.write(args.out / _extract.CONTEXTUAL_ROLE_HEAD.name)
        del vectors
        cue_name, role_name = _extract.CONTEXTUAL_CUE_MODEL.name, _extract.CONTEXTUAL_ROLE_MODEL.name
        head_card = {
            "token_head": {
                "file": _extract.CONTEXTUAL_HEAD.name,
                "encoder": f"all-MiniLM-L6-v2 layers 2, 4, 6 (model.safetensors sha256 {MODEL_SHA256})",
                "settings": {
                    k: list(v) if isinstance(v, tuple) else v for k, v in contextual.HEAD_SETTINGS.items()
                },
                "cross_fitting_folds": contextual.FOLDS,
                "role_head": {
                    "file": _extract.CONTEXTUAL_ROLE_HEAD.name,
                    "projection": f"principal components, {contextual.PROJECTION} dimensions",
                },
                "seconds": round(time.perf_counter() - head_began, 1),
            }
        }
    cue_rows, role_rows = [], []
    for record, record_lexicon, record_probabilities, record_roles in zip(
        fit, per_record, probabilities, role_probabilities, strict=True
    ):
        cues, roles = examples(record, record_lexicon, record_probabilities, record_roles)
        cue_rows.extend(cues)
        role_rows.extend(roles)
    # The two CRFs are independent: train them side by side (fork, so the rows are not copied by pickle).
    fork = multiprocessing.get_context("fork")
    jobs = [
        fork.Process(target=train, args=(rows, args.out / name, settings))
        for rows, name in ((cue_rows, cue_name), (role_rows, role_name))
    ]
    for job in jobs:
        job.start()
    for job in jobs:
        job.join()
        if job.exitcode != 0:
            raise SystemExit(f"training a tagger failed (exit code {job.exitcode}); see the messages above")
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
        "cue_words": {
            "file": CUE_WORDS.name,
            "sha256": hashlib.sha256(CUE_WORDS.read_bytes()).hexdigest(),
            "forms": len(load()),
        },
        **head_card,
        "train_seconds": round(time.perf_counter() - began, 1),
        "command": "python benchmarks/attribution/train.py "
        + " ".join(argv if argv is not None else sys.argv[1:]),
    }


if __name__ == "__main__":
    raise SystemExit(main())
