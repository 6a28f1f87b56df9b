using System.Diagnostics;
using System.Text.Json;

namespace PosLoyalty.Chain.Tests;

/// <summary>
/// A till as a shop runs it: its own directory, SQLite file and appsettings, driven through the real `posloyalty`
/// executable. Nothing from the test's POSLOYALTY* environment reaches it. Every line it printed is kept, so a test
/// can say what never appeared in any of them.
/// </summary>
internal sealed class TillProcess : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("posloyalty-e2e-");
    private readonly List<string> printed = [];

    /// <param name="chainConnectionString">written to a mode-600 file named by Chain:ConnectionStringFile.</param>
    public TillProcess(string tillId, string chainConnectionString, string shopId = "shop-1")
    {
        TillId = tillId;
        ConnectionFile = WriteSecret("chain.conn", chainConnectionString);
        ConfigPath = Path.Combine(directory.FullName, "appsettings.json");
        File.WriteAllText(ConfigPath, JsonSerializer.Serialize(new
        {
            Till = new { Id = tillId },
            // PostgreSQL's answer to a redemption is awaited up to a minute, a deadline that only catches a hang: under
            // load the shipped 2 s can pass, and the till would then answer as if the chain were away.
            Chain = new { ConnectionStringFile = ConnectionFile, ShopId = shopId, RedemptionWait = "00:01:00" },
            Panel = new { Socket = Path.Combine(directory.FullName, "panel.sock") },
        }));
    }

    public string TillId { get; }

    public string ConfigPath { get; }

    public string ConnectionFile { get; }

    public string DatabasePath => Path.Combine(directory.FullName, "loyalty.db");

    /// <summary>Everything every run printed, stdout and stderr.</summary>
    public string Printed
    {
        get
        {
            lock (printed)
            {
                return string.Join('\n', printed);
            }
        }
    }

    public string WriteSecret(string name, string content)
    {
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    public (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"posloyalty {string.Join(' ', args)} at {TillId} did not finish in {Timeout}");
        }

        process.WaitForExit();
        Keep(stdout.Result);
        Keep(stderr.Result);
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>`posloyalty run --headless`, left running; its log lines go to <see cref="Printed"/> as they come.</summary>
    public Process StartService()
    {
        var process = Process.Start(StartInfo(["run", "--headless"]))!;
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (printed)
            {
                printed.Add(line);
            }
        }
    }

    private ProcessStartInfo StartInfo(IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet")
        {
            WorkingDirectory = directory.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "posloyalty.dll"), .. args, "--config", ConfigPath, "--db", DatabasePath])
        {
            start.ArgumentList.Add(a);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("POSLOYALTY", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        return start;
    }

    /// <summary>Runs with --json, requires exit 0 and returns the document.</summary>
    public JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = Run([.. args, "--json"]);
        Assert.True(code == 0, $"posloyalty {string.Join(' ', args)} at {TillId}: exit {code}\n{stdout}\n{stderr}");
        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.Clone();
    }

    public void Dispose() => directory.Delete(recursive: true);
}
