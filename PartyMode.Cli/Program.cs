using PartyMode.Cli.Commands;

return await CliApp.RunAsync(args);
