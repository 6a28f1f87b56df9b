using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace PosLoyalty.Testing;

/// <summary>
/// A real PostgreSQL for the chain's tests. When .ci/run started a throwaway cluster it passes its superuser
/// connection string in <see cref="EnvironmentVariable"/> and every test assembly shares it; otherwise (a
/// developer's `dotnet test`) this starts its own cluster: initdb into a temp directory as an unprivileged user
/// (initdb refuses root), listening on 127.0.0.1 and a free port, stopped and deleted on dispose. Each
/// <see cref="CreateDatabase"/> is a fresh database, so tests never see each other's rows.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    public const string EnvironmentVariable = "POSLOYALTY_TEST_POSTGRES";

    // The Debian package's system user: the one unprivileged account a root machine is sure to have.
    private const string ServiceUser = "postgres";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string? dataDirectory;
    private readonly string? binDirectory;
    private readonly int port;
    private int databaseCount;

    public PostgresCluster()
        : this(mayShare: true)
    {
    }

    private PostgresCluster(bool mayShare)
    {
        if (mayShare && Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } shared)
        {
            AdminConnectionString = shared;
            return;
        }

        binDirectory = FindBinDirectory();
        if (binDirectory is null)
        {
            // Every test that uses this is a PostgresClusterFact, skipped with the reason: nothing to start.
            AdminConnectionString = string.Empty;
            return;
        }

        dataDirectory = Directory.CreateTempSubdirectory("posloyalty-pg-").FullName;
        var asServiceUser = Environment.IsPrivilegedProcess;
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var passwordFile = Path.Combine(dataDirectory, "superuser-password");
        File.WriteAllText(passwordFile, password);
        var cluster = Path.Combine(dataDirectory, "cluster");
        if (asServiceUser)
        {
            Run("chown", ["-R", ServiceUser, dataDirectory], asServiceUser: false);
        }

        var superuser = asServiceUser ? ServiceUser : Environment.UserName;
        Run(Path.Combine(binDirectory, "initdb"), ["-D", cluster, "-U", superuser, "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-sync"], asServiceUser);
        port = FreePort();
        Start();
        AdminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = superuser,
            Password = password,
            Database = "postgres",
            Pooling = false,
        }.ConnectionString;
    }

    /// <summary>
    /// A cluster of the caller's own, started here even when .ci/run shares one, so that a test may <see cref="Stop"/>
    /// and <see cref="Start"/> it (an outage) without taking the server away from every other test.
    /// </summary>
    public static PostgresCluster StartPrivate()
    {
        if (FindBinDirectory() is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): a private cluster cannot be started");
        }

        return new PostgresCluster(mayShare: false);
    }

    /// <summary>Starts the private cluster again on the same port and data, after <see cref="Stop"/>; waits until it accepts connections.</summary>
    public void Start() =>
        Run(
            Path.Combine(OwnBinDirectory, "pg_ctl"),
            ["-D", Path.Combine(dataDirectory!, "cluster"), "-l", Path.Combine(dataDirectory!, "server.log"), "-w", "-t", "120", "-o", $"-c listen_addresses=127.0.0.1 -p {port.ToString(CultureInfo.InvariantCulture)} -k {dataDirectory} -c fsync=off", "start"],
            Environment.IsPrivilegedProcess);

    /// <summary>Stops the private cluster at once (-m immediate: as if the server lost power); its data stays for <see cref="Start"/>.</summary>
    public void Stop()
    {
        NpgsqlConnection.ClearAllPools();
        Run(Path.Combine(OwnBinDirectory, "pg_ctl"), ["-D", Path.Combine(dataDirectory!, "cluster"), "-m", "immediate", "-w", "stop"], Environment.IsPrivilegedProcess);
    }

    /// <summary>Why the chain's PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? UnavailableReason =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } || FindBinDirectory() is not null
            ? null
            : $"PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb) and {EnvironmentVariable} is not set: apt-get install postgresql, or run .ci/run";

    /// <summary>A superuser's connection string to the cluster's maintenance database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Creates an empty database and returns a superuser's connection string to it.</summary>
    public string CreateDatabase()
    {
        if (UnavailableReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"posloyalty_{Environment.ProcessId}_{Interlocked.Increment(ref databaseCount)}_{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}");
        using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            connection.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            cmd.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (dataDirectory is null || binDirectory is null)
        {
            return; // .ci/run owns the shared cluster and stops it.
        }

        try
        {
            if (File.Exists(Path.Combine(dataDirectory, "cluster", "postmaster.pid")))
            {
                Stop();
            }
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private string OwnBinDirectory => binDirectory is not null && dataDirectory is not null
        ? binDirectory
        : throw new InvalidOperationException($"this cluster is the one .ci/run shares ({EnvironmentVariable}): only a cluster from StartPrivate may be stopped and started");

    private static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        // The newest installed major version.
        return Directory.GetDirectories(root)
            .Select(d => (Directory: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
            .Where(d => File.Exists(Path.Combine(d.Directory, "initdb")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Directory)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, IReadOnlyList<string> arguments, bool asServiceUser)
    {
        var start = new ProcessStartInfo(asServiceUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asServiceUser)
        {
            foreach (var a in (string[])["-u", ServiceUser, "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in {CommandTimeout}");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited {process.ExitCode}: {stderr.Result}{stdout.Result}");
        }
    }
}
