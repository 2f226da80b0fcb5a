"""``run_spark``: ingest → clean → dedupe → block → cluster per block → brief per story, on Spark.

How the work splits: ingest and cleaning run one task per input file (Parquet: per split); near-copies
are folded per LSH-band component (one shuffle by band key, one by component); TF-IDF vectors are built
per partition after one shuffle by term for document frequencies; blocking shuffles vectors by similarity
task (time window x row chunk) and returns the similar pairs, whose components the driver finds;
clustering shuffles articles by block and runs the single-machine clusterer inside each block on the
corpus-wide vectors; briefs shuffle story rows by story id. Every Python stage is a pandas/Arrow batch
function (``mapInPandas``, ``applyInPandas``), never a per-row UDF. For the batch clusterer (the default)
every decision equals the single-machine run's, by construction (see ``_dedupe``, ``_vectors``,
``_blocking``).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from storyweave.briefing import BriefOptions
from storyweave.cluster import DEFAULT_CLUSTERER, TfidfTimeClusterer, get_clusterer
from storyweave.distributed._blocking import BlockSettings, assign_blocks
from storyweave.distributed._dedupe import fold_corpus
from storyweave.distributed._ingest import ingest
from storyweave.distributed._stories import (
    BRIEF_SCHEMA,
    STORY_SCHEMA,
    brief_stories,
    cluster_block,
    cluster_blocks,
    cluster_singletons,
)
from storyweave.distributed._vectors import article_vectors
from storyweave.ingest import ReadOptions

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["SparkOptions", "SparkResult", "run_spark"]

_WHOLE_GROUP_ROWS = 5000
"""Blocks of at least this many rows are clustered through ``applyInPandas`` (see ``run_spark``); Spark's
default Arrow batch is 10,000 rows."""


@dataclass(frozen=True, slots=True)
class SparkOptions:
    """How the job runs. ``master`` is any Spark master URL (``local[2]`` uses two cores here; a cluster's
    URL runs the same job there). ``clusterer`` is a registered clusterer name (None: the default).
    ``briefs`` off writes stories only. ``partitions`` sets Spark's shuffle partitions (keep it near a
    few times the cores: the default 200 is tuned for clusters, and costs seconds of scheduling locally).
    """

    master: str = "local[2]"
    clusterer: str | None = None
    briefs: bool = True
    brief: BriefOptions = field(default_factory=BriefOptions)
    read: ReadOptions = field(default_factory=ReadOptions)
    blocking: BlockSettings = field(default_factory=BlockSettings)
    partitions: int = 8
    driver_memory: str = "2g"


@dataclass(frozen=True, slots=True)
class SparkResult:
    """What a run produced. ``output`` holds ``stories.parquet/`` (one row per article, with its story and,
    for a folded near-copy, the report it was folded into), ``stories.jsonl/`` (one line per story),
    ``briefs.parquet/`` and ``briefs.jsonl/`` (the JSON brief format of ``storyweave.render``), and
    ``failures.jsonl/`` (inputs that could not be read, and why); each a folder of Spark part files.

    ``blocks`` are the components of the batch clusterer's similarity graph (``similar_pairs`` edges),
    found over time windows of ``window_days``.
    """

    output: Path
    articles: int
    failures: int
    stories: int
    blocks: int
    largest_block: int
    similar_pairs: int
    window_days: int
    seconds: dict[str, float]


def run_spark(
    inputs: str | Path | Sequence[str | Path], output: str | Path, options: SparkOptions | None = None
) -> SparkResult:
    """Run the pipeline as a Spark job over JSON Lines, Parquet, WARC (or any file storyweave reads),
    writing Parquet and JSON Lines under ``output`` (replaced if it exists). Raises ``ValueError`` for
    inputs that name nothing, ``RuntimeError`` when pyspark or Java is missing."""
    options = options or SparkOptions()
    given = [str(inputs)] if isinstance(inputs, (str, Path)) else [str(i) for i in inputs]
    out = Path(output)
    spark = _session(options)
    from pyspark.sql import functions as F

    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] = round(now - clock, 2)
        clock = now

    read = ingest(spark, given, options.read).localCheckpoint()
    failures = read.where(F.col("failure").isNotNull()).select(
        F.col("origin").alias("input"), F.col("failure").alias("reason")
    )
    articles = read.where(F.col("failure").isNull()).drop("failure").localCheckpoint()
    article_count, failure_count = articles.count(), failures.count()
    lap("ingest+clean")

    folds = fold_corpus(articles).localCheckpoint()
    kept = articles.join(folds.where(F.col("duplicate_of").isNull()), "position", "left_semi")
    lap("dedupe")

    # The batch clusterer's settings make the blocks. Another clusterer is run on the same blocks: its
    # stories then agree with a single-machine run only as far as it never joins reports the batch
    # clusterer's graph keeps apart (not guaranteed; measure with benchmarks/spark --clusterer).
    chosen = get_clusterer(options.clusterer or DEFAULT_CLUSTERER)
    exact = isinstance(chosen, TfidfTimeClusterer)
    model = chosen if isinstance(chosen, TfidfTimeClusterer) else TfidfTimeClusterer()
    vectors = article_vectors(kept, model.weights)
    lap("vectors")
    blocks = assign_blocks(
        kept, vectors.frame, vectors.vocabulary, model.threshold, model.dates, options.blocking
    )
    # A copy goes to the block of the article it was folded into, to be credited in that story.
    anchor = F.coalesce(F.col("duplicate_of"), F.col("position")).alias("anchor")
    placed = (
        articles.join(folds, "position")
        .select("*", anchor)
        .join(blocks.frame.withColumnRenamed("position", "anchor"), "anchor")
        .drop("anchor")
        .localCheckpoint()
    )
    sizes = placed.groupBy("block").agg(F.count("*").alias("size")).localCheckpoint()
    block_count = sizes.count()
    largest = sizes.agg(F.max("size")).first()[0] or 0
    lap("block")

    sized = placed.join(sizes, "block")
    clusterer = options.clusterer
    given = (vectors.vocabulary, model) if exact else None
    grouped = sized.where("size > 1")
    if exact:
        grouped = grouped.join(vectors.frame, "position", "left")
    # Most blocks are small: many per partition, read in Arrow batches and regrouped (``whole_groups``).
    # A block larger than an Arrow batch goes to ``applyInPandas``, which hands it over whole: through the
    # batch path such blocks came out differently from the laptop run (measured on 37k reports: exact with
    # one batch per partition, 9,000 reports off with 10,000-row batches; the cause inside Spark's batching
    # was not pinned down), and there are few of them, so the per-group cost does not matter.
    small = grouped.where(F.col("size") < _WHOLE_GROUP_ROWS).drop("size")
    large = grouped.where(F.col("size") >= _WHOLE_GROUP_ROWS).drop("size")
    shared = (
        small.repartition(options.partitions, "block")
        .sortWithinPartitions("block", "position")
        .mapInPandas(lambda batches: cluster_blocks(batches, clusterer, given), STORY_SCHEMA)
    ).unionByName(
        large.groupBy("block").applyInPandas(
            lambda frame: cluster_block(frame.drop(columns=["block"]), clusterer, given), STORY_SCHEMA
        )
    )
    alone = (
        sized.where("size = 1")
        .drop("size", "block", "duplicate_of")
        .mapInPandas(cluster_singletons, STORY_SCHEMA)
    )
    stories = shared.unionByName(alone).localCheckpoint()
    story_count = stories.select("story_id").distinct().count()
    lap("cluster")

    stories.write.mode("overwrite").parquet(str(out / "stories.parquet"))
    _story_lines(stories).write.mode("overwrite").option("ignoreNullFields", "false").json(
        str(out / "stories.jsonl")
    )
    failures.write.mode("overwrite").json(str(out / "failures.jsonl"))
    lap("write stories")

    if options.briefs:
        brief_options = options.brief
        briefs = (
            stories.groupBy("story_id")
            .applyInPandas(lambda frame: brief_stories(frame, brief_options), BRIEF_SCHEMA)
            .localCheckpoint()
        )
        briefs.write.mode("overwrite").parquet(str(out / "briefs.parquet"))
        briefs.select("brief").write.mode("overwrite").text(str(out / "briefs.jsonl"))
        lap("brief")

    return SparkResult(
        output=out,
        articles=article_count,
        failures=failure_count,
        stories=story_count,
        blocks=block_count,
        largest_block=int(largest),
        similar_pairs=blocks.similar_pairs,
        window_days=blocks.window_days,
        seconds=seconds,
    )


def _story_lines(stories: DataFrame) -> DataFrame:
    """One row per story: its id, size, dates and members in input order (near-copies flagged)."""
    from pyspark.sql import functions as F

    member = F.struct("position", "id", "title", "url", "source", "published", "origin", "duplicate_of")
    return (
        stories.groupBy("story_id")
        .agg(
            F.count("*").alias("reports"),
            F.min("published").alias("first_published"),
            F.max("published").alias("last_published"),
            F.array_sort(F.collect_list(member)).alias("articles"),
        )
        .withColumn("articles", F.transform("articles", lambda m: m.dropFields("position")))
        .orderBy(F.desc("reports"), F.desc_nulls_last("last_published"), "story_id")
    )


def _session(options: SparkOptions) -> SparkSession:
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise RuntimeError(
            "storyweave spark needs pyspark: pip install 'storyweave[spark]' (and Java 17 or newer)"
        ) from None
    try:
        return (
            SparkSession.builder.master(options.master)
            .appName("storyweave")
            .config("spark.sql.shuffle.partitions", str(options.partitions))
            .config("spark.default.parallelism", str(options.partitions))
            .config("spark.driver.memory", options.driver_memory)
            .config("spark.ui.enabled", "false")
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate()
        )
    except Exception as exc:  # Java missing or too old surfaces as a gateway error from py4j
        raise RuntimeError(
            f"could not start Spark ({exc}); storyweave spark needs Java 17 or newer"
        ) from None
