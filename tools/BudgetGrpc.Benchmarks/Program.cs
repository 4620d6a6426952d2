using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "pair")
    return BudgetGrpc.Benchmarks.PairRun.Run(args[1..]);
if (args.Length > 0 && args[0] == "loop")
    return BudgetGrpc.Benchmarks.ProfileLoop.Run(args[1..]);

// Not typeof(Program): the server's generated Program class is public and this project references the server.
BenchmarkSwitcher.FromAssembly(typeof(BudgetGrpc.Benchmarks.ImportBenchmarks).Assembly).Run(args);
return 0;
