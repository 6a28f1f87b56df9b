using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PosLoyalty.Storage;

/// <summary>Small helpers so each query reads as SQL, not plumbing.</summary>
internal static class Sql
{
    public const decimal AmountScale = 10_000m;

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string text, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    public static int Execute(SqliteConnection connection, SqliteTransaction? tx, string text, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(connection, tx, text, parameters);
        return cmd.ExecuteNonQuery();
    }

    public static long InsertReturningId(SqliteConnection connection, SqliteTransaction? tx, string text, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(connection, tx, text + " RETURNING rowid;", parameters);
        return (long)cmd.ExecuteScalar()!;
    }

    public static T? Scalar<T>(SqliteConnection connection, SqliteTransaction? tx, string text, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(connection, tx, text, parameters);
        var value = cmd.ExecuteScalar();
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
    }

    /// <summary>UTC, fixed width, so text order in SQL is time order.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ParseTimeOrNull(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ParseTime(reader.GetString(ordinal));

    public static string? StringOrNull(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long ToE4(decimal amount) => (long)decimal.Round(amount * AmountScale);

    public static decimal FromE4(long e4) => e4 / AmountScale;
}
