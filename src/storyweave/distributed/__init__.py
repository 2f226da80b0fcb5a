"""The pipeline as a Spark job, for corpora beyond one machine: ``run_spark(inputs, output, options)``.

Spark is an optional extra: ``pip install 'storyweave[spark]'`` (pyspark, pandas, pyarrow) and Java 17+.
Importing this package needs pandas; pyspark is imported only when a job starts.
"""

from storyweave.distributed._blocking import BlockSettings
from storyweave.distributed._job import SparkOptions, SparkResult, run_spark

__all__ = ["BlockSettings", "SparkOptions", "SparkResult", "run_spark"]
