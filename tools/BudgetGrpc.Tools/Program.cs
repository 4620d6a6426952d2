using BudgetGrpc.Tools;

return await BudgetCli.RunAsync(args, CliConsole.System);
