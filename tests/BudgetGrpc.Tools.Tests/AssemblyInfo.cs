// Each test class starts its own server; running them one at a time keeps a 2-core machine responsive.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
