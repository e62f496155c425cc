using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/RunnerConsole.Benchmarks -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(RunnerConsole.Benchmarks.RenderBenchmarks).Assembly).Run(args);
