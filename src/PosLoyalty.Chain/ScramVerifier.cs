using System.Security.Cryptography;
using System.Text;

namespace PosLoyalty.Chain;

/// <summary>
/// A password as PostgreSQL stores it for scram-sha-256 (RFC 5802, RFC 7677), made here so that the password itself
/// never reaches the server: a CREATE ROLE … PASSWORD with the plain text could end up in the server's log
/// (log_statement) or pg_stat_statements. PostgreSQL keeps a password given in this form as it is.
/// </summary>
public static class ScramVerifier
{
    /// <summary>PostgreSQL's own default (scram_iterations).</summary>
    public const int Iterations = 4096;

    private const int SaltBytes = 16;

    /// <summary>
    /// SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey for <paramref name="password"/>, which must be printable ASCII:
    /// for other characters PostgreSQL first applies SASLprep, which this does not, and the login would then fail.
    /// </summary>
    public static string For(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (PasswordProblem(password) is { } problem)
        {
            throw new ArgumentException(problem, nameof(password));
        }

        return For(password, RandomNumberGenerator.GetBytes(SaltBytes), Iterations);
    }

    private static string For(string password, byte[] salt, int iterations)
    {
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
        var storedKey = SHA256.HashData(clientKey);
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }

    /// <summary>Why this password cannot be used, or null: 8 to 1,000 printable ASCII characters.</summary>
    public static string? PasswordProblem(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length is < 8 or > 1000)
        {
            return $"the password has {password.Length} characters: give 8 to 1,000";
        }

        return password.All(ch => ch is >= ' ' and <= '~')
            ? null
            : "the password holds a character that is not printable ASCII (letters, digits, punctuation, space): PostgreSQL would change it (SASLprep) before checking";
    }
}
