using PosLoyalty.Host.Cli;

return CliApp.Run(args, Console.Out, Console.Error);
