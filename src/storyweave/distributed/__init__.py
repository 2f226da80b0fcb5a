"""The pipeline as a Spark job, for corpora beyond one machine: ``run_spark(inputs, output, options)``.

pyspark is an optional extra (``pip install 'storyweave[spark]'``, plus Java 17+); importing this package
does not need it, running a job does.
"""

from storyweave.distributed._blocking import BlockSettings
from storyweave.distributed._job import SparkOptions, SparkResult, run_spark

__all__ = ["BlockSettings", "SparkOptions", "SparkResult", "run_spark"]
