using TimeVision.Benchmarks;

#if DEBUG
await Console.Error.WriteLineAsync("Benchmarks run in Release only: dotnet run -c Release --project tests/TimeVision.Benchmarks -- render|pipeline|facts|fuzz|import|import-rows|history|plan");
return 1;
#else
return args switch
{
    ["render", ..] => await RenderBenchmark.RunAsync(args[1..]),
    ["pipeline", ..] => await PipelineBenchmark.RunAsync(args[1..]),
    ["facts", ..] => await FactsReport.RunAsync(args[1..]),
    ["fuzz", ..] => await FuzzProgram.RunAsync(args[1..]),
    ["import", ..] => await ImportBenchmark.RunAsync(args[1..]),
    ["import-rows", ..] => await ImportRowsBenchmark.RunAsync(args[1..]),
    ["history", ..] => await HistoryBenchmark.RunAsync(args[1..]),
    ["plan", ..] => PlanBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: TimeVision.Benchmarks render [--drawings DIR] | pipeline [--delay SECONDS[,SECONDS…]] | facts [--drawings DIR] | history [--parts N] [--queries Q] | plan [--runs R] | " + FuzzProgram.Usage + " | " + ImportBenchmark.Usage + " | " + ImportRowsBenchmark.Usage);
    return 2;
}
#endif
