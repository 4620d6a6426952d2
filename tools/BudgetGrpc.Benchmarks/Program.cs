using BenchmarkDotNet.Running;

// Not typeof(Program): the server's generated Program class is public and this project references the server.
BenchmarkSwitcher.FromAssembly(typeof(BudgetGrpc.Benchmarks.ImportBenchmarks).Assembly).Run(args);
