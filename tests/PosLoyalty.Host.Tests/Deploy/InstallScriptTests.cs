using System.Security.Cryptography;
using System.Text;

namespace PosLoyalty.Host.Tests.Deploy;

/// <summary>kiosk-config/install-pi.sh under a temporary DESTDIR: the files, their modes, and the same tree after a second run.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InstallScriptTests : IDisposable
{
    private readonly string work = Path.Combine(Path.GetTempPath(), "posloyalty-install-" + Guid.NewGuid().ToString("N"));
    private readonly string publish;
    private readonly string destdir;

    public InstallScriptTests()
    {
        publish = Path.Combine(work, "publish");
        destdir = Path.Combine(work, "root");
        MakeFakePublish(publish);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
            // a temp directory left behind is not a failure
        }
    }

    [Fact]
    public void Running_twice_under_DESTDIR_gives_the_identical_tree()
    {
        var first = Install();
        Assert.True(first.ExitCode == 0, first.ToString());
        var once = Snapshot(destdir);

        var second = Install();
        Assert.True(second.ExitCode == 0, second.ToString());
        var twice = Snapshot(destdir);

        Assert.Equal(once.Keys.Order(StringComparer.Ordinal), twice.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, entry) in once)
        {
            Assert.True(entry == twice[path], $"{path}: {entry} then {twice[path]}");
        }
    }

    [Fact]
    public void Key_files_are_installed_with_their_modes()
    {
        var result = Install();
        Assert.True(result.ExitCode == 0, result.ToString());
        var tree = Snapshot(destdir);

        AssertMode(tree, "opt/posloyalty/posloyalty", "755");
        AssertMode(tree, "opt/posloyalty/posloyalty.dll", "644");
        AssertMode(tree, "opt/posloyalty/kiosk-config/receipt-profiles/default.json", "644");
        AssertMode(tree, "usr/local/bin/posloyalty", "755");
        AssertMode(tree, "var/lib/posloyalty", "700");
        AssertMode(tree, "etc/posloyalty", "750");
        AssertMode(tree, "etc/posloyalty/appsettings.json", "640");
        AssertMode(tree, "etc/posloyalty/loyalty.json", "640");
        AssertMode(tree, "etc/posloyalty/receipt-profiles/default.json", "640");
        AssertMode(tree, "etc/systemd/system/posloyalty.service", "644");
        AssertMode(tree, "etc/udev/rules.d/99-posloyalty.rules", "644");
        AssertMode(tree, "etc/systemd/system/getty@tty1.service.d/autologin.conf", "644");
        AssertMode(tree, "etc/profile.d/posloyalty-panel.sh", "644");
        AssertMode(tree, "etc/default/posloyalty", "644");

        Assert.Equal(File.ReadAllText(RepositoryFiles.PathOf("kiosk-config/systemd/posloyalty.service")), File.ReadAllText(Path.Combine(destdir, "etc/systemd/system/posloyalty.service")));
        Assert.Equal(File.ReadAllText(Path.Combine(publish, "posloyalty.dll")), File.ReadAllText(Path.Combine(destdir, "opt/posloyalty/posloyalty.dll")));
        Assert.Contains("ExecStart=/opt/posloyalty/posloyalty run --headless --config /etc/posloyalty/appsettings.json", File.ReadAllText(Path.Combine(destdir, "etc/systemd/system/posloyalty.service")), StringComparison.Ordinal);
        Assert.Contains("--autologin posloyalty-panel", File.ReadAllText(Path.Combine(destdir, "etc/systemd/system/getty@tty1.service.d/autologin.conf")), StringComparison.Ordinal);

        // Not root's business under DESTDIR: each system change is named and skipped.
        Assert.Contains("DESTDIR set, skipped: groupadd", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("DESTDIR set, skipped: useradd", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("DESTDIR set, skipped: systemctl daemon-reload", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shops_edited_settings_rules_and_udev_rules_survive_a_reinstall()
    {
        Assert.Equal(0, Install().ExitCode);
        var settings = Path.Combine(destdir, "etc/posloyalty/appsettings.json");
        var rules = Path.Combine(destdir, "etc/posloyalty/loyalty.json");
        var udev = Path.Combine(destdir, "etc/udev/rules.d/99-posloyalty.rules");
        File.WriteAllText(settings, """{ "Till": { "Id": "shop-7" } }""");
        File.WriteAllText(rules, "{ \"edited\": true }");
        File.WriteAllText(udev, "# ids filled in\n");

        var again = Install();

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("""{ "Till": { "Id": "shop-7" } }""", File.ReadAllText(settings));
        Assert.Equal("{ \"edited\": true }", File.ReadAllText(rules));
        Assert.Equal("# ids filled in\n", File.ReadAllText(udev));
        Assert.Contains("kept /etc/posloyalty/appsettings.json (exists)", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(RepositoryFiles.PathOf("kiosk-config/loyalty.json")), File.ReadAllText(rules + ".dist"));
    }

    [Fact]
    public void Installed_settings_file_is_valid_for_the_service()
    {
        Assert.Equal(0, Install().ExitCode);
        using var cli = new CliFixture();

        // doctor loads the settings, the rules and the profile as `run` does; the file's comments must not trip it.
        // The rules file it names is under /etc, which here is DESTDIR's: point at the installed copy.
        var installedRules = new Dictionary<string, string> { ["POSLOYALTY__Loyalty__RulesFile"] = Path.Combine(destdir, "etc/posloyalty/loyalty.json") };
        var doctor = PosLoyaltyProcess.RunWrapped(cli.Directory, [], installedRules, "doctor", "--json", "--config", Path.Combine(destdir, "etc/posloyalty/appsettings.json"), "--db", cli.DatabasePath);

        Assert.True(doctor.ExitCode == 0, doctor.ToString());
        Assert.Equal("ok", doctor.Json().GetProperty("configuration").GetProperty("state").GetString());
    }

    [Fact]
    public void Help_explains_usage_and_a_missing_publish_is_refused()
    {
        var help = ShellRun.Run("bash", null, RepositoryFiles.PathOf("kiosk-config/install-pi.sh"), "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Usage:", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("DESTDIR", help.Stdout, StringComparison.Ordinal);

        var empty = Path.Combine(work, "empty");
        Directory.CreateDirectory(empty);
        var refused = ShellRun.Run("bash", new Dictionary<string, string> { ["DESTDIR"] = destdir }, RepositoryFiles.PathOf("kiosk-config/install-pi.sh"), empty);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("no posloyalty apphost", refused.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(destdir, "opt")), "nothing is installed from a directory that is not a publish");
    }

    [FactWhenProgram("systemd-analyze", "apt-get install -y systemd")]
    public void Unit_passes_systemd_analyze_verify()
    {
        Assert.Equal(0, Install().ExitCode);

        // verify insists ExecStart= is executable; point it at the apphost just installed under DESTDIR.
        var unit = Path.Combine(work, "posloyalty.service");
        File.WriteAllText(unit, File.ReadAllText(Path.Combine(destdir, "etc/systemd/system/posloyalty.service"))
            .Replace("ExecStart=/opt/posloyalty/", "ExecStart=" + Path.Combine(destdir, "opt/posloyalty") + "/", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(destdir, "opt/posloyalty/posloyalty"), "#!/bin/sh\n");

        var verify = ShellRun.Run("systemd-analyze", null, "verify", "--man=no", unit);

        // verify exits 0 even for a line it ignores ("Failed to parse …, ignoring"): any output is a finding.
        Assert.True(verify.ExitCode == 0 && verify.Stdout.Length == 0 && verify.Stderr.Length == 0, verify.ToString());
    }

    private static void AssertMode(Dictionary<string, string> tree, string path, string mode)
    {
        Assert.True(tree.TryGetValue(path, out var entry), $"{path} is not installed; the tree holds:\n{string.Join('\n', tree.Keys.Order(StringComparer.Ordinal))}");
        Assert.StartsWith(mode + " ", entry, StringComparison.Ordinal);
    }

    /// <summary>Every path under <paramref name="root"/>: its mode and, for a file, a hash of its bytes.</summary>
    private static Dictionary<string, string> Snapshot(string root)
    {
        var tree = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(root, path);
            var mode = Convert.ToString((int)File.GetUnixFileMode(path), 8);
            var info = new FileInfo(path);
            tree[relative] = info.LinkTarget is { } target ? $"{mode} -> {target}"
                : Directory.Exists(path) ? $"{mode} dir"
                : $"{mode} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))}";
        }

        return tree;
    }

    private static void MakeFakePublish(string dir)
    {
        Directory.CreateDirectory(Path.Combine(dir, "kiosk-config", "receipt-profiles"));
        File.WriteAllText(Path.Combine(dir, "posloyalty"), "#!/bin/sh\necho fake apphost\n");
        File.WriteAllText(Path.Combine(dir, "posloyalty.dll"), "not really an assembly " + Guid.NewGuid());
        File.WriteAllText(Path.Combine(dir, "posloyalty.runtimeconfig.json"), """{ "runtimeOptions": { "tfm": "net10.0" } }""");
        File.Copy(RepositoryFiles.PathOf("kiosk-config/loyalty.json"), Path.Combine(dir, "kiosk-config", "loyalty.json"));
        File.Copy(RepositoryFiles.PathOf("kiosk-config/appsettings.json"), Path.Combine(dir, "kiosk-config", "appsettings.json"));
        foreach (var profile in Directory.GetFiles(RepositoryFiles.PathOf("kiosk-config/receipt-profiles"), "*.json"))
        {
            File.Copy(profile, Path.Combine(dir, "kiosk-config", "receipt-profiles", Path.GetFileName(profile)));
        }
    }

    private CliResult Install() =>
        ShellRun.Run("bash", new Dictionary<string, string> { ["DESTDIR"] = destdir }, RepositoryFiles.PathOf("kiosk-config/install-pi.sh"), publish);
}
