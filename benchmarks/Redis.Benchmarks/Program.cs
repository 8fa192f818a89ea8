using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Redis.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
