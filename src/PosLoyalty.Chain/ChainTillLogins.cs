using Npgsql;

namespace PosLoyalty.Chain;

/// <summary>
/// A till's own login, as the schema's owner makes it (`chain add-till`) and takes away (`chain remove-till`): a LOGIN
/// role in the till role, and its one till_logins row, which the row-level security policies check every insert against. Safe to run again: what is
/// already so is left, and a password given again is set again. In one transaction: a refusal changes nothing.
/// </summary>
public static class ChainTillLogins
{
    // Any fixed number: two add-till (or remove-till) at once wait for each other instead of racing for one name.
    private const long AddTillLockKey = 0x506F73546C6C; // "PosTll"

    /// <summary>
    /// Makes <paramref name="login"/> the login of till <paramref name="tillId"/> of shop <paramref name="shopId"/>.
    /// <paramref name="password"/> is needed for a login that does not exist yet; it is sent as its SCRAM verifier,
    /// never as itself (<see cref="ScramVerifier"/>).
    /// </summary>
    public static async Task<TillLoginOutcome> AddAsync(NpgsqlDataSource dataSource, string login, string shopId, string tillId, string? password, string tillRole, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        Check(login, shopId, tillId, password, tillRole);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({AddTillLockKey})", cancellationToken);

        if (await ScalarAsync(connection, tx, "SELECT to_regclass('till_logins') IS NOT NULL", cancellationToken) is not true)
        {
            throw new TillLoginRefusedException("the chain's schema has no till_logins table yet: run `posloyalty chain init` first");
        }

        if (await ScalarAsync(connection, tx, "SELECT count(*) FROM pg_roles WHERE rolname = $1", cancellationToken, tillRole) is not 1L)
        {
            throw new TillLoginRefusedException($"--till-role: role {tillRole} does not exist: run `posloyalty chain init` (with --till-role {tillRole} if it is not the default) first");
        }

        if (await ScalarAsync(connection, tx, "SELECT $1 = current_user OR $1 = session_user", cancellationToken, login) is true)
        {
            throw new TillLoginRefusedException($"--login: {login} is the login running this command; a till needs a login of its own");
        }

        await using (var mapping = new NpgsqlCommand("SELECT login, shop_id, till_id FROM till_logins WHERE login = $1 OR (shop_id = $2 AND till_id = $3)", connection, tx) { Parameters = { new() { Value = login }, new() { Value = shopId }, new() { Value = tillId } } })
        await using (var r = await mapping.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken))
            {
                var (mappedLogin, mappedShop, mappedTill) = (r.GetString(0), r.GetString(1), r.GetString(2));
                if (mappedLogin == login && (mappedShop != shopId || mappedTill != tillId))
                {
                    throw new TillLoginRefusedException($"--login: {login} is already the login of till '{mappedTill}' of shop '{mappedShop}'; give the new till a login of its own (or first `posloyalty chain remove-till --shop {mappedShop} --till {mappedTill}`)");
                }

                if (mappedLogin != login)
                {
                    throw new TillLoginRefusedException($"--till: till '{tillId}' of shop '{shopId}' already has the login {mappedLogin}; each till has one login, and two tills never share a Till:Id (to give it a new login, first `posloyalty chain remove-till --shop {shopId} --till {tillId}`)");
                }
            }
        }

        bool? canLogin = null;
        await using (var role = new NpgsqlCommand("SELECT rolcanlogin, rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = $1", connection, tx) { Parameters = { new() { Value = login } } })
        await using (var r = await role.ExecuteReaderAsync(cancellationToken))
        {
            if (await r.ReadAsync(cancellationToken))
            {
                if (r.GetBoolean(1))
                {
                    throw new TillLoginRefusedException($"--login: {login} is a role with powers a till must not have (superuser, BYPASSRLS, CREATEROLE or CREATEDB): give the till a login of its own");
                }

                canLogin = r.GetBoolean(0);
            }
        }

        if (canLogin is null && password is null)
        {
            throw new TillLoginRefusedException($"--password-file: login {login} does not exist yet, so it needs a password (a file only you can read, holding it)");
        }

        var verifier = password is null ? null : ScramVerifier.For(password);
        var created = canLogin is null;
        if (created)
        {
            await ExecuteAsync(connection, tx, $"CREATE ROLE {login} LOGIN PASSWORD '{verifier}' IN ROLE {tillRole}", cancellationToken);
        }
        else
        {
            await ExecuteAsync(connection, tx, verifier is null ? $"ALTER ROLE {login} LOGIN" : $"ALTER ROLE {login} LOGIN PASSWORD '{verifier}'", cancellationToken);
            await ExecuteAsync(connection, tx, $"GRANT {tillRole} TO {login}", cancellationToken);
        }

        await using var insert = new NpgsqlCommand("INSERT INTO till_logins (login, shop_id, till_id) VALUES ($1, $2, $3) ON CONFLICT (login) DO NOTHING", connection, tx)
        {
            Parameters = { new() { Value = login }, new() { Value = shopId }, new() { Value = tillId } },
        };
        var mapped = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        await tx.CommitAsync(cancellationToken);
        return new TillLoginOutcome(created, verifier is not null, mapped);
    }

    /// <summary>
    /// Takes till <paramref name="tillId"/> of shop <paramref name="shopId"/> away from its login (`chain remove-till`):
    /// its till_logins row goes, so from that moment the login may still read but adds no event, card claim or
    /// redemption; with <paramref name="dropLogin"/> the login itself is dropped too. The till's events stay: they are
    /// the chain's history. Safe to run again: a till with no login is left as it is.
    /// </summary>
    public static async Task<TillLoginRemoval> RemoveAsync(NpgsqlDataSource dataSource, string shopId, string tillId, bool dropLogin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        CheckTill(shopId, tillId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({AddTillLockKey})", cancellationToken);
        if (await ScalarAsync(connection, tx, "SELECT to_regclass('till_logins') IS NOT NULL", cancellationToken) is not true)
        {
            throw new TillLoginRefusedException("the chain's schema has no till_logins table yet: run `posloyalty chain init` first");
        }

        if (await ScalarAsync(connection, tx, "SELECT login::text FROM till_logins WHERE shop_id = $1 AND till_id = $2", cancellationToken, shopId, tillId) is not string login)
        {
            await tx.CommitAsync(cancellationToken);
            return new TillLoginRemoval(null, false, false);
        }

        if (dropLogin && await ScalarAsync(connection, tx, "SELECT $1 = current_user OR $1 = session_user", cancellationToken, login) is true)
        {
            throw new TillLoginRefusedException($"--drop-login: {login} is the login running this command; run it as the database's owner");
        }

        await ExecuteAsync(connection, tx, "DELETE FROM till_logins WHERE shop_id = $1 AND till_id = $2", cancellationToken, shopId, tillId);
        var dropped = false;
        if (dropLogin && ChainSchema.IsPlainRoleName(login))
        {
            await ExecuteAsync(connection, tx, $"DROP ROLE IF EXISTS {login}", cancellationToken);
            dropped = true;
        }

        await tx.CommitAsync(cancellationToken);
        return new TillLoginRemoval(login, true, dropped);
    }

    private static void CheckTill(string shopId, string tillId)
    {
        foreach (var (option, value) in new[] { ("--shop", shopId), ("--till", tillId) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > 64 || value.Any(char.IsControl))
            {
                throw new TillLoginRefusedException($"{option}: must be 1 to 64 printable characters ({(option == "--shop" ? "Chain:ShopId" : "Till:Id")} of the till)");
            }
        }
    }

    private static void Check(string login, string shopId, string tillId, string? password, string tillRole)
    {
        if (!ChainSchema.IsPlainRoleName(login))
        {
            throw new TillLoginRefusedException($"--login: '{login}' is not a plain login name (lower-case letters, digits and _, at most 63, not starting with a digit)");
        }

        if (!ChainSchema.IsPlainRoleName(tillRole))
        {
            throw new TillLoginRefusedException($"--till-role: '{tillRole}' is not a plain role name (lower-case letters, digits and _, at most 63)");
        }

        if (login == tillRole)
        {
            throw new TillLoginRefusedException($"--login: {login} is the till role itself; a till's login is a member of it");
        }

        CheckTill(shopId, tillId);

        if (password is not null && ScramVerifier.PasswordProblem(password) is { } problem)
        {
            throw new TillLoginRefusedException("--password-file: " + problem);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        return await cmd.ExecuteScalarAsync(cancellationToken);
    }
}
