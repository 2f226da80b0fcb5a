"""``run_spark``: ingest → clean → block → cluster (with dedupe) per block → brief per story, on Spark.

How the work splits: ingest and cleaning run one task per input file (Parquet: per split); term
features per partition; blocking shuffles by term and by key (label propagation, a few rounds);
clustering shuffles articles by block and runs the single-machine clusterer inside each block; briefs
shuffle story rows by story id. Every Python stage is a pandas/Arrow batch function (``mapInPandas``,
``applyInPandas``), never a per-row UDF.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from storyweave.briefing import BriefOptions
from storyweave.distributed._blocking import BlockSettings, assign_blocks
from storyweave.distributed._ingest import ingest
from storyweave.distributed._stories import (
    BRIEF_SCHEMA,
    STORY_SCHEMA,
    brief_stories,
    cluster_block,
    cluster_singletons,
)
from storyweave.ingest import ReadOptions

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["SparkOptions", "SparkResult", "run_spark"]


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

    ``converged`` is False when blocking stopped at its round limit: blocks may then be split finer than
    the data's components, and a story may be cut in two; raise ``BlockSettings.max_rounds``.
    """

    output: Path
    articles: int
    failures: int
    stories: int
    blocks: int
    largest_block: int
    rounds: int
    converged: bool
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

    blocks = assign_blocks(articles, options.blocking)
    blocked = blocks.articles.localCheckpoint()
    sizes = blocked.groupBy("block").agg(F.count("*").alias("size")).localCheckpoint()
    block_count = sizes.count()
    largest = sizes.agg(F.max("size")).first()[0] or 0
    lap("block")

    sized = blocked.join(sizes, "block")
    clusterer = options.clusterer
    shared = (
        sized.where("size > 1")
        .drop("size")
        .groupBy("block")
        .applyInPandas(lambda frame: cluster_block(frame.drop(columns=["block"]), clusterer), STORY_SCHEMA)
    )
    alone = (
        sized.where("size = 1")
        .drop("size", "block")
        .mapInPandas(lambda batches: cluster_singletons(batches, clusterer), STORY_SCHEMA)
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
        rounds=blocks.rounds,
        converged=blocks.converged,
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
