using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace PosLoyalty.Storage.Security;

/// <summary>
/// The manager PIN, stored only as a PBKDF2-SHA256 hash with a random salt. Checked in constant
/// time; every failure is audited.
/// </summary>
public static class ManagerPin
{
    private const string SettingKey = "manager_pin";
    private const int Iterations = 210_000; // OWASP 2023 guidance for PBKDF2-HMAC-SHA256
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static void Validate(string pin)
    {
        if (pin.Length is < 4 or > 12 || !pin.All(char.IsAsciiDigit))
        {
            throw new Domain.Values.DomainValidationException("manager PIN must be 4 to 12 digits");
        }
    }

    public static string Hash(string pin)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(pin, salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    public static bool Verify(string pin, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha256" || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(pin, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    internal static string? Read(SqliteConnection c, SqliteTransaction? tx) =>
        Sql.Scalar<string>(c, tx, "SELECT value FROM settings WHERE key = $k", ("$k", SettingKey));

    internal static void Write(SqliteConnection c, SqliteTransaction tx, string hash) =>
        Sql.Execute(c, tx, "INSERT INTO settings (key, value) VALUES ($k, $v) ON CONFLICT (key) DO UPDATE SET value = $v", ("$k", SettingKey), ("$v", hash));
}
