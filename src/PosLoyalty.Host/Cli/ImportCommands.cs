using System.CommandLine;
using System.Globalization;
using PosLoyalty.Storage.Import;
using Spectre.Console;

namespace PosLoyalty.Host.Cli;

/// <summary>`import customers FILE.csv [--dry-run]`: all rows or none.</summary>
internal static class ImportCommands
{
    public static Command Build(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var import = new Command("import", "bring customers in from another system or from paper cards");
        var file = new Argument<string>("FILE.csv") { Description = "columns: name, card (required); birthday (MM-DD), phone, email, consent (true/false/yes/no/1/0), points (opening balance), notes" };
        var dryRun = new Option<bool>("--dry-run") { Description = "check every row and say what would be imported; write nothing" };
        var customers = new Command("customers", "import customers from a CSV file: every row is checked first, and one bad row imports nothing") { file, dryRun };
        bind(customers, (ctx, p) =>
        {
            var importer = ctx.Get<CustomerImporter>();
            var path = p.GetValue(file)!;
            var result = RunWithProgress(() => importer, path, p.GetValue(dryRun));
            if (ctx.Json)
            {
                JsonOutput.Write(ctx.Output, new
                {
                    file = Path.GetFullPath(path),
                    rows = result.Rows,
                    imported = result.Imported,
                    openingPoints = result.OpeningPoints,
                    notes = result.Notes,
                    dryRun = result.DryRun,
                    errors = result.Errors.Select(e => new { line = e.Line, column = e.Column, message = e.Message }),
                });
            }

            if (!result.Succeeded)
            {
                // Every bad row, each with its line and column, so the file can be fixed in one go.
                var error = System.Console.Error;
                foreach (var e in result.Errors)
                {
                    error.WriteLine($"posloyalty: {path}: {e}");
                }

                error.WriteLine($"posloyalty: {result.Errors.Count} problem(s) in {path}: nothing was imported");
                return ExitCodes.InvalidInput;
            }

            if (!ctx.Json)
            {
                ctx.Output.WriteLine(result.DryRun
                    ? $"dry run: {result.Rows} customers would be imported ({result.OpeningPoints} opening points, {result.Notes} notes); nothing was written"
                    : $"imported {result.Imported} customers ({result.OpeningPoints} opening points, {result.Notes} notes)");
            }

            return ExitCodes.Ok;
        });
        import.Subcommands.Add(customers);
        return import;
    }

    /// <summary>
    /// A live bar on stderr when a person is watching; otherwise a plain line now and then, so a log
    /// or a CI job shows that it moves without filling up with escape codes.
    /// </summary>
    private static ImportResult RunWithProgress(Func<CustomerImporter> importer, string path, bool dryRun)
    {
        if (!System.Console.IsErrorRedirected)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
            ImportResult? result = null;
            console.Progress().AutoClear(false).Start(p =>
            {
                var validating = p.AddTask("checking rows", maxValue: 1);
                validating.IsIndeterminate = true;
                ProgressTask? importing = null;
                result = importer().Import(path, dryRun, step =>
                {
                    if (step.Phase == "importing")
                    {
                        validating.IsIndeterminate = false;
                        validating.Value = validating.MaxValue;
                        importing ??= p.AddTask("importing", maxValue: step.Total);
                        importing.Value = step.Done;
                    }
                });
                validating.IsIndeterminate = false;
                validating.Value = validating.MaxValue;
            });
            return result!;
        }

        var error = System.Console.Error;
        var lastPercent = -1;
        return importer().Import(path, dryRun, step =>
        {
            if (step.Phase != "importing" || step.Total == 0)
            {
                return;
            }

            var percent = (int)(step.Done * 100L / step.Total);
            if (percent / 10 != lastPercent / 10 || step.Done == step.Total)
            {
                lastPercent = percent;
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import: {step.Done}/{step.Total} rows ({percent}%)"));
            }
        });
    }
}
