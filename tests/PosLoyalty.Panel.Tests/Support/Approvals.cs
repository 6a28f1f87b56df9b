using System.Runtime.CompilerServices;

namespace PosLoyalty.Panel.Tests.Support;

/// <summary>
/// Compares a rendering with Approved/NAME.txt. On a difference it writes NAME.received.txt next to
/// the copy in the test output and fails naming the first differing line. POSLOYALTY_APPROVE=1
/// (re)writes the approved file in the source tree instead; read it before committing.
/// </summary>
internal static class Approvals
{
    public const string ApproveVariable = "POSLOYALTY_APPROVE";

    public static void Verify(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var outputDir = Path.Combine(AppContext.BaseDirectory, "Approved");
        var approvedPath = Path.Combine(outputDir, name + ".txt");
        if (Environment.GetEnvironmentVariable(ApproveVariable) == "1")
        {
            var sourceDir = Path.Combine(ProjectDirectory(callerFile), "Approved");
            Directory.CreateDirectory(sourceDir);
            Directory.CreateDirectory(outputDir);
            File.WriteAllText(Path.Combine(sourceDir, name + ".txt"), actual);
            File.WriteAllText(approvedPath, actual);
            return;
        }

        var receivedPath = Path.Combine(outputDir, name + ".received.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(outputDir);
        File.WriteAllText(receivedPath, actual);
        Assert.Fail(approved is null
            ? $"No approved file {name}.txt. Wrote {receivedPath}; run with {ApproveVariable}=1 to approve it, then read it."
            : $"{name} differs from the approved rendering ({FirstDifference(approved, actual)}). Compare:\n  diff {approvedPath} {receivedPath}\nRun with {ApproveVariable}=1 to approve the new rendering.");
    }

    /// <summary>The test project's folder: the nearest folder above the calling test file with a .csproj.</summary>
    private static string ProjectDirectory(string callerFile)
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(callerFile)!);
        while (dir is not null && dir.GetFiles("*.csproj").Length == 0)
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"no .csproj above {callerFile}");
    }

    private static string FirstDifference(string approved, string actual)
    {
        var a = approved.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end>";
            var right = i < b.Length ? b[i] : "<end>";
            if (left != right)
            {
                return $"line {i + 1}: approved \"{left}\", received \"{right}\"";
            }
        }

        return "line endings only";
    }
}
