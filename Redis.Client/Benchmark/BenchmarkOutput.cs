namespace Redis.Client.Benchmark;

/// <summary>How a benchmark reports: a table with a progress bar on a terminal, plain text in a pipe, or data for scripts.</summary>
internal enum BenchmarkOutput
{
    Table,
    Text,
    Csv,
    Json,
}
