using KubeTriage.Cli;

return await CliApp.RunAsync(args, CliConsole.System());
