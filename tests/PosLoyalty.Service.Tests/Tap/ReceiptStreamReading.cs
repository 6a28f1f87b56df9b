using PosLoyalty.Domain.Receipts;
using PosLoyalty.Domain.Tests.Receipts;
using PosLoyalty.Service.Tap;

namespace PosLoyalty.Service.Tests.Tap;

/// <summary>Reads a whole print job the way the tap does: the built-in profile for the library's dialect, PC437 at start-up.</summary>
internal static class ReceiptStreamReading
{
    public static ReceiptReader ReaderFor(PrintLibrary library) =>
        new(library is PrintLibrary.NodeThermalStar or PrintLibrary.StarPrnt ? BuiltInReceiptProfiles.Star : BuiltInReceiptProfiles.Default, 437);

    public static IReadOnlyList<ReceiptSale> Read(PrintLibrary library, byte[] job) => ReaderFor(library).ReadCapture(job);

    /// <summary>The one receipt a job printed; fails, showing what was read, when it printed another number of them.</summary>
    public static ReceiptSale Single(PrintLibrary library, byte[] job)
    {
        var receipts = Read(library, job);
        Assert.True(receipts.Count == 1, $"expected one receipt, read {receipts.Count}:\n" + string.Join("\n=====\n", receipts.Select(r => PrintedReceipt.Describe(r) + "\n" + r.Text)));
        return receipts[0];
    }

    /// <summary>What the reader returned, with the text it read, for an assertion's message.</summary>
    public static string Describe(ReceiptSale sale) => PrintedReceipt.Describe(sale) + "\n" + sale.Text;
}
