using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Service.Tap;
using PosLoyalty.Storage;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// `receipts learn FILE... [--output PROFILE.json | --save NAME]`: a receipt profile for an unknown POS from a few
/// captures of its printer bytes (<see cref="CaptureProfileLearner"/>), what each capture reads with it, and the
/// profile written where `receipts decode --profile` and `ReceiptTap:Profile` find it. The captures are only read.
/// </summary>
internal static class ReceiptsLearnCommand
{
    private const int DefaultCodePage = 437;

    public static Command Build(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var files = new Argument<string[]>("FILE") { Description = "captures of what one POS sends to its printer (`receipts capture`, or any raw print file)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output") { Description = "write the learned profile to this .json file" };
        var save = new Option<string?>("--save") { Description = $"save the learned profile as NAME in {ReceiptProfileLoader.ProfileDirectory}/ (then ReceiptTap:Profile NAME and --profile NAME find it)" };
        var force = new Option<bool>("--force") { Description = "replace a profile file that exists" };
        var codePage = new Option<int?>("--code-page") { Description = "the start-up code page to keep unless another reads clearly better; default ReceiptTap:CodePage, else 437" };
        var learn = new Command("learn", "infer a receipt profile (dialect, code page, decimal separator, labels, item layout) from captures of one POS, show what each reads with it, and write it") { files, output, save, force, codePage };
        bind(learn, (ctx, p) =>
        {
            var paths = p.GetValue(files)!;
            var outputPath = p.GetValue(output);
            var saveName = p.GetValue(save);
            if (outputPath is not null && saveName is not null)
            {
                throw new CliException("receipts learn: give --output FILE or --save NAME, not both");
            }

            var page = p.GetValue(codePage) ?? ConfiguredCodePage(ctx);
            if (!ReceiptProfileReader.IsKnownCodePage(page))
            {
                throw new CliException($"--code-page {page} is not a code page this system knows: try 437, 850, 852, 858 or 1252");
            }

            var target = Target(outputPath, saveName, p.GetValue(force));
            var name = saveName ?? (outputPath is null ? "learned" : Path.GetFileNameWithoutExtension(outputPath));
            var captures = paths.Select(Read).ToArray();
            LearnedReceiptProfile learned;
            try
            {
                learned = new CaptureProfileLearner(page).Learn(name, captures);
            }
            catch (ArgumentException ex) when (ex.ParamName == "captures")
            {
                throw new CliException($"receipts learn: {string.Join(", ", paths)}: {ex.Message[..ex.Message.IndexOf(" (Parameter", StringComparison.Ordinal)]}");
            }

            var comments = new[]
            {
                $"Receipt profile \"{name}\", learned by `posloyalty receipts learn` from {string.Join(", ", paths.Select(Path.GetFileName))} on {ctx.Time.GetUtcNow():yyyy-MM-dd}.",
                "It extends the built-in default: keys left out (and the default's labels) stay as they are. docs/receipt-profiles.md explains each key.",
            }.Concat(learned.Findings.Select(finding => "learned: " + finding));
            var json = ReceiptProfileWriter.ToJson(learned.Profile, comments);

            // What the file says is what the tap will read by: read the written text back and decode with it.
            var profile = ReceiptProfileReader.Parse(json, "learned profile", name);
            if (target is not null)
            {
                Write(target, json);
            }

            var readings = paths.Zip(captures, (path, bytes) => (Path: path, Sales: ReceiptsCommands.Decode(bytes, profile, page))).ToArray();
            if (ctx.Json)
            {
                var policy = ReceiptConfirmationPolicy.Default;
                JsonOutput.Write(ctx.Output, new
                {
                    profile = name,
                    path = target,
                    findings = learned.Findings,
                    captures = readings.Select(reading => new { file = reading.Path, receipts = reading.Sales.Select(sale => ReceiptsCommands.Json(sale, policy)).ToArray() }).ToArray(),
                    profileJson = json,
                });
            }
            else
            {
                ctx.Output.Write(Summary(name, learned.Findings, readings, target, json));
            }

            return ExitCodes.Ok;
        });
        return learn;
    }

    private static int ConfiguredCodePage(CliContext ctx) =>
        int.TryParse(ctx.Configuration["ReceiptTap:CodePage"], NumberStyles.None, CultureInfo.InvariantCulture, out var configured) ? configured : DefaultCodePage;

    private static byte[] Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new NotFoundException($"receipts learn: capture '{path}' does not exist");
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>Where to write, checked before any work: a name the loader finds, a folder that exists, no file replaced without --force.</summary>
    private static string? Target(string? output, string? save, bool force)
    {
        string? path = null;
        if (save is not null)
        {
            if (!Regex.IsMatch(save, "^[A-Za-z0-9][A-Za-z0-9_-]*$", RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                throw new CliException($"--save '{save}' is not a profile name: letters, digits, '-' and '_' only (no .json)");
            }

            if (BuiltInReceiptProfiles.Find(save) is not null)
            {
                throw new CliException($"--save '{save}' is a built-in profile's name: choose a name for this POS, such as the POS's make");
            }

            path = Path.Combine(ProfileFolder(), save + ".json");
        }
        else if (output is not null)
        {
            if (!output.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                throw new CliException($"--output '{output}' must end in .json: that is how --profile and ReceiptTap:Profile tell a file from a name");
            }

            path = Path.GetFullPath(output);
            if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
            {
                throw new NotFoundException($"--output '{output}': folder '{folder}' does not exist");
            }
        }

        if (path is not null && File.Exists(path) && !force)
        {
            throw new CliException($"'{path}' exists: pass --force to replace it, or choose another name");
        }

        return path;
    }

    /// <summary>The profiles folder the loader looks in first that exists (working directory, then beside the binary); else the working directory's, created.</summary>
    private static string ProfileFolder()
    {
        var here = Path.GetFullPath(ReceiptProfileLoader.ProfileDirectory);
        if (Directory.Exists(here))
        {
            return here;
        }

        var besideBinary = Path.Combine(AppContext.BaseDirectory, ReceiptProfileLoader.ProfileDirectory);
        if (Directory.Exists(besideBinary))
        {
            return besideBinary;
        }

        Directory.CreateDirectory(here);
        return here;
    }

    private static void Write(string path, string json) => AtomicFile.Write(path, new UTF8Encoding(false).GetBytes(json));

    private static string Summary(string name, IReadOnlyList<string> findings, IReadOnlyList<(string Path, IReadOnlyList<ReceiptSale> Sales)> readings, string? target, string json)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"learned profile {name} from {readings.Count} capture(s):\n");
        foreach (var finding in findings)
        {
            text.Append("  ").Append(finding).Append('\n');
        }

        text.Append("\nwhat each capture reads with it:\n");
        foreach (var (path, sales) in readings)
        {
            for (var i = 0; i < sales.Count; i++)
            {
                var sale = sales[i];
                var total = sale.Total is { } t ? t.ToString("0.00##", CultureInfo.InvariantCulture) + (sale.Currency is null ? string.Empty : " " + sale.Currency) : "—";
                text.Append(CultureInfo.InvariantCulture, $"  {Path.GetFileName(path)} #{i + 1}  {sale.Kind.ToString().ToLowerInvariant()}  total {total}  receipt {sale.ReceiptNumber ?? "—"}  {sale.Items.Count} item(s)  confidence {sale.Confidence:0.00}\n");
                foreach (var item in sale.Items)
                {
                    var amount = item.Amount is { } a ? a.ToString("0.00##", CultureInfo.InvariantCulture) : string.Empty;
                    text.Append(CultureInfo.InvariantCulture, $"      {item.Quantity.ToString("0.###", CultureInfo.InvariantCulture),4} x {item.Description,-32} {amount,10}\n");
                }
            }
        }

        text.Append('\n');
        if (target is null)
        {
            text.Append("not written (give --output FILE.json or --save NAME); the profile:\n").Append(json);
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"wrote {target}\ncheck it: posloyalty receipts decode FILE --profile {target}\n");
        }

        return text.ToString();
    }
}
