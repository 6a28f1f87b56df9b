using Npgsql;
using PosLoyalty.Service.Configuration;

namespace PosLoyalty.Chain;

/// <summary>Opens the chain's PostgreSQL from the options, and says where it is without ever saying the password.</summary>
public static class ChainConnection
{
    public static NpgsqlDataSource Open(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            // Npgsql's message names the bad keyword, not its value.
            throw new ServiceConfigurationException($"Chain connection string is not valid: {ex.Message}");
        }

        builder.ApplicationName ??= "posloyalty";
        builder.Timeout = builder.Timeout == 15 ? 5 : builder.Timeout; // a till should know fast that the chain is away
        return NpgsqlDataSource.Create(builder);
    }

    public static NpgsqlDataSource Open(ChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Open(options.ReadConnectionString());
    }

    /// <summary>"user@host:port/database", for messages and logs.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{b.Username ?? "?"}@{b.Host ?? "?"}:{b.Port}/{b.Database ?? b.Username ?? "?"}";
        }
        catch (ArgumentException)
        {
            return "(a connection string that does not parse)";
        }
    }

    /// <summary>
    /// One line for an exception from Npgsql or the network, saying which of three it is: PostgreSQL refused this
    /// till's login (the owner must act), PostgreSQL answered with another error, or PostgreSQL could not be reached
    /// (waiting cures it). A PostgreSQL error's own text is kept (it never holds the password); Npgsql keeps its own
    /// messages free of the connection string.
    /// </summary>
    public static string Explain(Exception ex) => ex switch
    {
        PostgresException pg when IsRefusal(pg) => $"PostgreSQL refused this till's login: {pg.SqlState} {pg.MessageText} (posloyalty doctor checks the login)",
        PostgresException pg => $"PostgreSQL error: {pg.SqlState} {pg.MessageText}",
        NpgsqlException { InnerException: { } inner } => $"PostgreSQL unreachable: {ex.Message} ({inner.Message})",
        NpgsqlException => $"PostgreSQL unreachable: {ex.Message}",
        _ => ex.Message,
    };

    /// <summary>
    /// PostgreSQL answered and said no to who this till is: a failed password (28P01), no such login (28000), or a
    /// write its row-level security or grants do not allow (42501) — a login that is not this till's. Not a network
    /// problem: waiting does not cure it, the owner has to.
    /// </summary>
    public static bool IsRefusal(Exception ex) =>
        ex is PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification };
}
