using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SecureExec.Bench.Micro;

// Usage: dotnet SecureExec.Bench.Micro.dll [--quick]
//   full:    short jobs (3 warm-ups, 10 iterations), results to bench/results/micro/micro.{md,json}
//   --quick: BenchmarkDotNet's dry job (one invocation each), a smoke check; records nothing
// In-process toolchain: no per-benchmark project is generated and built, which keeps the run within minutes.
var quick = args.Contains("--quick");
var artifacts = Path.Combine(Path.GetTempPath(), "secure-exec-bench-micro-" + Environment.ProcessId);
var job = (quick ? Job.Dry : Job.Default.WithWarmupCount(3).WithIterationCount(10))
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithId(quick ? "dry" : "short");
var config = ManualConfig.CreateEmpty()
    .AddColumnProvider(DefaultColumnProviders.Instance)
    .AddColumn(StatisticColumn.Min, StatisticColumn.Median, StatisticColumn.P95)
    .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared))
    .AddLogger(ConsoleLogger.Default)
    .AddExporter(MarkdownExporter.GitHub, JsonExporter.Brief)
    .AddJob(job)
    .WithOptions(ConfigOptions.JoinSummary)
    .WithArtifactsPath(artifacts);

var summaries = BenchmarkRunner.Run([typeof(KernelBenchmarks), typeof(RuntimeBenchmarks)], config);
var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
try
{
    if (!quick && !failed)
    {
        var results = Path.Combine(FindBenchDirectory(), "results", "micro");
        Directory.CreateDirectory(results);
        var exported = Path.Combine(artifacts, "results");
        File.Copy(Directory.GetFiles(exported, "*-report-github.md").Single(), Path.Combine(results, "micro.md"), overwrite: true);
        File.Copy(Directory.GetFiles(exported, "*-report-brief.json").Single(), Path.Combine(results, "micro.json"), overwrite: true);
        Console.WriteLine($"micro-benchmark results written to {results}");
    }
}
finally
{
    Directory.Delete(artifacts, recursive: true);
}
if (failed) Console.Error.WriteLine("micro-benchmarks: at least one benchmark failed");
return failed ? 1 : 0;

static string FindBenchDirectory()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "SecureExec.Testing.sln"))) return Path.Combine(d.FullName, "bench");
    return Path.Combine(Environment.CurrentDirectory, "bench");
}
