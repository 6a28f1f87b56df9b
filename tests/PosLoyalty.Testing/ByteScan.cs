using System.Text;

namespace PosLoyalty.Testing;

/// <summary>
/// The erasure's proof: the raw bytes of a SQLite file and its -wal and -shm, searched for a person's strings
/// (UTF-8, as SQLite stores them). Read while the file may be open elsewhere, as a forensic copy would be.
/// </summary>
public static class ByteScan
{
    /// <summary>Each secret still found, as "'text' in loyalty.db-wal"; empty when the files hold none of them.</summary>
    public static IReadOnlyList<string> Find(string databasePath, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var found = new List<string>();
        foreach (var path in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" }.Where(File.Exists))
        {
            var bytes = ReadShared(path);
            found.AddRange(secrets.Where(s => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(s)) >= 0).Select(s => $"'{s}' in {Path.GetFileName(path)}"));
        }

        return found;
    }

    /// <summary>Whether the file or its WAL holds the text: a scan's own premise, checked before the erasure.</summary>
    public static bool Holds(string databasePath, string text) =>
        new[] { databasePath, databasePath + "-wal" }.Where(File.Exists).Any(p => ReadShared(p).AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0);

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
