using System.Text;
using PosLoyalty.Reliability.Infrastructure;

namespace PosLoyalty.Reliability.Abuse;

/// <summary>
/// A receipt that prints the customer's full card number (4111 1111 1111 1111, Luhn-valid) goes through the tap:
/// the printer gets it unaltered (it is the customer's receipt), but nothing PosLoyalty keeps — the database, its
/// -wal and -shm, any spool file, the service's log — holds more than the last four digits.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CardNumberLeakTests : IDisposable
{
    private static readonly string[] Forms = ["4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "411111111111"];

    private readonly FakeTcpPrinter printer = new();
    private readonly TillRig till;

    public CardNumberLeakTests() => till = TillRig.WithAnnaEnrolled(printer.Device);

    public void Dispose()
    {
        till.Dispose();
        printer.Dispose();
    }

    [Fact]
    public void A_receipt_with_a_card_number_leaves_only_its_last_four_digits_in_the_files_and_the_log()
    {
        var receipt = TillRig.Fixture("003-en-US-epson-tm-t88vi.bin");
        Assert.Contains("4111 1111 1111 1111", Encoding.Latin1.GetString(receipt), StringComparison.Ordinal);
        string log;
        using (var service = till.Start())
        {
            till.Scan(service);
            till.Pos.Write(receipt);
            service.WaitForLog("recorded for customer", TillRig.Patience);
            Assert.Equal(receipt, printer.WaitForBytes(receipt.Length, TillRig.Patience)[..receipt.Length]);

            // A card-number scan at the scanner (a customer holding up a bank card) is not kept either.
            till.Scanner.Write(Encoding.ASCII.GetBytes("4111111111111111\r\n"));
            Thread.Sleep(1000);

            // kill -9: the WAL is not checkpointed, so the -wal and -shm files are there to be read.
            service.KillHard();
            log = service.Log;
        }

        var files = Directory.EnumerateFiles(till.Cli.Directory, "*", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).LinkTarget is null && !f.EndsWith(".sock", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".csv", StringComparison.Ordinal)).ToList();
        Assert.Contains(files, f => f.EndsWith("loyalty.db-wal", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var form in Forms)
            {
                Assert.False(Contains(bytes, Encoding.ASCII.GetBytes(form)), $"{file} holds '{form}'");
                Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(form)), $"{file} holds '{form}' in UTF-16");
            }
        }

        foreach (var form in Forms)
        {
            Assert.DoesNotContain(form, log, StringComparison.Ordinal);
        }

        var decoded = till.Cli.MustRun("receipts", "decode", Path.Combine(AppContext.BaseDirectory, "Fixtures", "receipts", "003-en-US-epson-tm-t88vi.bin"));
        Assert.All(Forms, form => Assert.DoesNotContain(form, decoded.Stdout + decoded.Stderr, StringComparison.Ordinal));
        Assert.Equal(1, till.Show().GetProperty("visits").GetInt32());
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
