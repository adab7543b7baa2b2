"""Agreement measures of `annotator-convert agree` (model::agreement)
against reference figures: F1 against nervaluate, Cohen's κ against
scikit-learn, α_u against Krippendorff's definition evaluated here by brute
force (every pair of sections, exact fractions).

Which of ours is which of nervaluate's (docs/agreement.md):
  ours exact           = nervaluate "strict"  (boundaries and tag)
  ours overlap         = nervaluate "ent_type" (overlap and tag)
  ours untagged.exact  = nervaluate "exact"   (boundaries, any tag)
  nervaluate "partial" = (untagged.exact + ½ (untagged.overlap − untagged.exact)) / n
They agree whenever each span overlaps at most one span of the other
annotator (the generated cases below). They differ when a span of B
overlaps a span of A that a later span of B matches better: nervaluate
pairs in B's order, and an overlapping mismatch uses A's span up
(test_where_nervaluate_differs). nervaluate reports 0 where we report null
(nothing to divide by)."""

import json
import pathlib
import random
import subprocess
from fractions import Fraction

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]

TAGS = ["claim", "quote", "source"]
VERDICTS = ["Unverified", "True", "False", "Misleading"]
AT = "2026-12-03T07:00:00.000Z"
# Astral emoji, a ZWJ family, Arabic and Chinese: offsets are code points.
TEXT = "👍🏽 قال الوزير إن 新闻报道 said the mayor 👩‍👩‍👧 about the pier. " * 40


@pytest.fixture(scope="module")
def agree():
    subprocess.run(["cargo", "build", "--quiet", "--locked", "--bin", "annotator-convert"],
                   cwd=ROOT, check=True)
    exe = ROOT / "target" / "debug" / "annotator-convert"
    return lambda *args: subprocess.run([str(exe), "agree", *map(str, args)],
                                        capture_output=True, text=True)


def native(path, spans, text=TEXT):
    """A native annotations file of `text` with spans (start, end, tag[, verdict])."""
    anns = []
    for k, (s, e, tag, *verdict) in enumerate(spans):
        a = {"id": f"a{k}", "tag": tag, "start": s, "end": e, "exact": text[s:e],
             "created": AT, "modified": AT}
        if tag == "claim" and verdict and verdict[0] is not None:
            a["fields"] = {"verdict": verdict[0]}
        anns.append(a)
    doc = {"version": 2, "article": {"title": "Pier", "source": "pier.txt", "text": text},
           "annotations": anns}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def report(agree, tmp_path, *span_lists):
    files = [native(tmp_path / f"ann{k}.annotations.json", s) for k, s in enumerate(span_lists)]
    out = agree("--json", *files)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def one_to_one(seed, n_slots=30, width=40):
    """Two annotators' spans where each overlaps at most one of the other's:
    one slot of the text per pair, boundaries and tags drawn at random."""
    rng = random.Random(seed)
    a, b = [], []
    for slot in range(n_slots):
        lo = slot * width
        def span():
            s = lo + rng.randrange(width - 12)
            return [s, s + 1 + rng.randrange(10), rng.choice(TAGS), rng.choice(VERDICTS + [None])]
        x = span() if rng.random() < 0.8 else None
        y = None
        if rng.random() < 0.8:
            y = span()
            if x and rng.random() < 0.5:
                y[:2] = x[:2]  # same boundaries
            if x and rng.random() < 0.5:
                y[2] = x[2]  # same tag
        a += [tuple(x)] if x else []
        b += [tuple(y)] if y else []
    return a, b


def nervaluate(a, b):
    from nervaluate import Evaluator

    as_dicts = lambda spans: [[{"label": t, "start": s, "end": e - 1} for s, e, t, *_ in spans]]
    return Evaluator(as_dicts(a), as_dicts(b), tags=TAGS, loader="dict").evaluate()


def zero(x):
    return 0.0 if x is None else x


def same_prf(ours, theirs):
    assert theirs.precision == pytest.approx(zero(ours["precision"]), abs=1e-12)
    assert theirs.recall == pytest.approx(zero(ours["recall"]), abs=1e-12)
    assert theirs.f1 == pytest.approx(zero(ours["f1"]), abs=1e-12)


@pytest.mark.parametrize("seed", range(12))
def test_f1_matches_nervaluate_strict_ent_type_exact_and_partial(agree, tmp_path, seed):
    a, b = one_to_one(seed)
    pair = report(agree, tmp_path, a, b)["pairs"][0]
    ner = nervaluate(a, b)
    same_prf(pair["exact"], ner["overall"]["strict"])
    same_prf(pair["overlap"], ner["overall"]["ent_type"])
    same_prf(pair["untagged"]["exact"], ner["overall"]["exact"])
    for tag, by in ner["entities"].items():
        same_prf(pair["exact"]["per_tag"][tag], by["strict"])
        same_prf(pair["overlap"]["per_tag"][tag], by["ent_type"])
    exact, overlap = pair["untagged"]["exact"]["matched"], pair["untagged"]["overlap"]["matched"]
    partial = ner["overall"]["partial"]
    assert partial.precision == pytest.approx((exact + (overlap - exact) / 2) / len(b))
    assert partial.recall == pytest.approx((exact + (overlap - exact) / 2) / len(a))
    assert pair["exact"]["matched"] == ner["overall"]["strict"].correct


def test_where_nervaluate_differs(agree, tmp_path):
    # A: 0..10 claim. B: 0..2 quote, then 0..10 claim (B's order is by start, then end).
    a, b = [(0, 10, "claim")], [(0, 2, "quote"), (0, 10, "claim")]
    pair = report(agree, tmp_path, a, b)["pairs"][0]
    ner = nervaluate(a, b)["overall"]
    # Ours: the exact pair is found whatever the order: P = 1/2, R = 1.
    assert (pair["exact"]["precision"], pair["exact"]["recall"]) == (0.5, 1.0)
    assert (pair["overlap"]["precision"], pair["overlap"]["recall"]) == (0.5, 1.0)
    # nervaluate: 0..2 quote overlaps A's claim first and uses it up
    # ("incorrect"), so 0..10 claim is "spurious": P = R = 0.
    for schema in ("strict", "ent_type"):
        assert (ner[schema].precision, ner[schema].recall) == (0, 0)
        assert (ner[schema].incorrect, ner[schema].spurious) == (1, 1)


def paired(a, b, same_tag):
    """Pairs of overlapping spans of one slot (one_to_one makes them unique)."""
    return [(x, y) for x in a for y in b
            if x[0] < y[1] and y[0] < x[1] and (not same_tag or x[2] == y[2])]


@pytest.mark.parametrize("seed", range(12))
def test_kappa_matches_scikit_learn(agree, tmp_path, seed):
    from sklearn.metrics import cohen_kappa_score

    a, b = one_to_one(seed)
    pair = report(agree, tmp_path, a, b)["pairs"][0]
    pairs = paired(a, b, same_tag=False)
    assert pair["tag_pairs"]["n"] == len(pairs)
    ours = pair["kappa"]
    theirs = cohen_kappa_score([x[2] for x, _ in pairs], [y[2] for _, y in pairs])
    assert ours == pytest.approx(theirs, abs=1e-12)
    # The verdicts of claims paired by overlap (unset: the default, Unverified).
    claims = paired(a, b, same_tag=True)
    claims = [(x[3] or "Unverified", y[3] or "Unverified") for x, y in claims if x[2] == "claim"]
    (verdict,) = [f for f in pair["fields"] if f["tag"] == "claim" and f["field"] == "verdict"]
    assert verdict["n"] == len(claims)
    if claims:
        assert verdict["share"] == pytest.approx(sum(x == y for x, y in claims) / len(claims))
    labels = list(zip(*claims)) or [[], []]
    if len(set(labels[0]) | set(labels[1])) > 1:
        assert verdict["kappa"] == pytest.approx(cohen_kappa_score(*labels), abs=1e-12)
    else:
        assert verdict["kappa"] is None


def test_kappa_is_null_where_scikit_learn_gives_nan(agree, tmp_path):
    import math
    import warnings
    from sklearn.metrics import cohen_kappa_score

    a = [(0, 5, "claim"), (10, 15, "claim")]
    pair = report(agree, tmp_path, a, a)["pairs"][0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert math.isnan(cohen_kappa_score(["claim", "claim"], ["claim", "claim"]))
    assert pair["kappa"] is None and pair["tag_pairs"]["observed"] == 1.0


def alpha_u_by_definition(coders, length):
    """Krippendorff (2004): δ² over every pair of sections, exact fractions."""
    def sections(units):
        merged = []
        for s, e in sorted(units):
            if merged and s < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        out, at = [], 0
        for s, e in merged:
            if s > at:
                out.append((at, s - at, 0))
            out.append((s, e - s, 1))
            at = e
        return out + ([(at, length - at, 0)] if at < length else [])

    def delta(g, h):
        (bg, lg, vg), (bh, lh, vh) = g, h
        if vg and vh and -lg < bg - bh < lh:
            return (bg - bh) ** 2 + (bg + lg - bh - lh) ** 2
        if vg and not vh and lh - lg >= bg - bh >= 0:
            return lg * lg
        if not vg and vh and lg - lh >= bh - bg >= 0:
            return lh * lh
        return 0

    m, secs = len(coders), [sections(u) for u in coders]
    d_o = Fraction(sum(delta(g, h) for i in range(m) for j in range(m) if i != j
                       for g in secs[i] for h in secs[j]), m * (m - 1) * length ** 2)
    units = [l for s in secs for _, l, v in s if v]
    gaps = [l for s in secs for _, l, v in s if not v]
    n = len(units)
    total = sum(Fraction(n - 1, 3) * (2 * l ** 3 - 3 * l ** 2 + l)
                + l * l * sum(g - l + 1 for g in gaps if g >= l) for l in units)
    d_e = Fraction(2, length) * total / (m * length * (m * length - 1) - sum(l * (l - 1) for l in units))
    return None if d_e == 0 else float(1 - d_o / d_e)


@pytest.mark.parametrize("seed", range(6))
def test_alpha_u_matches_the_definition_for_three_annotators(agree, tmp_path, seed):
    rng = random.Random(100 + seed)
    coders = []
    for _ in range(3):
        spans = []
        for _ in range(rng.randrange(0, 25)):
            s = rng.randrange(len(TEXT) - 30)
            spans.append((s, s + 1 + rng.randrange(30), rng.choice(TAGS)))  # may overlap
        coders.append(spans)
    got = report(agree, tmp_path, *coders)
    assert got["n_code_points"] == len(TEXT)
    for tag in TAGS:
        units = [[(s, e) for s, e, t in c if t == tag] for c in coders]
        want = alpha_u_by_definition(units, len(TEXT))
        if want is None:
            assert got["alpha_u"][tag] is None
        else:
            assert got["alpha_u"][tag] == pytest.approx(want, abs=1e-9)


def test_another_articles_file_is_refused(agree, tmp_path):
    a = native(tmp_path / "ann.annotations.json", [(0, 2, "claim")])
    b = native(tmp_path / "bob.annotations.json", [(0, 2, "claim")], text="Another text.")
    out = agree(a, b)
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.strip() == ("“bob” was made on another article than “ann” (their texts "
                                  "differ), so they cannot be compared: choose annotation files "
                                  "of the same article.")
    assert agree(a).returncode == 2


def test_the_csv_has_a_row_per_pair_tag_and_measure(agree, tmp_path):
    a = native(tmp_path / "ann.annotations.json", [(0, 2, "claim"), (5, 9, "source")])
    b = native(tmp_path / "bob.annotations.json", [(0, 2, "claim"), (5, 8, "source")])
    out = agree("--csv", a, b)
    assert out.returncode == 0, out.stderr
    import csv, io
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    by = {(r["a"], r["b"], r["tag"], r["measure"]): r for r in rows}
    assert by[("ann", "bob", "*", "exact")]["f1"] == "0.5"
    assert by[("ann", "bob", "source", "overlap")]["value"] == "1"
    assert by[("*", "*", "quote", "alpha_u")]["value"] == ""
