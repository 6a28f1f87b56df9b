using BenchmarkDotNet.Attributes;
using PosLoyalty.Domain.Coupons;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Benchmarks.Micro;

/// <summary>
/// <c>--bdn</c>: BenchmarkDotNet micro-benchmarks of what a till does per scan or per coupon:
/// a new CSPRNG coupon code with its Luhn mod 32 check character, parsing (and checking) a typed
/// code, and normalising a scanned card number.
/// </summary>
[MemoryDiagnoser]
public class CouponCodeBenchmarks
{
    private string typedCode = string.Empty;

    [GlobalSetup]
    public void Setup() => typedCode = CouponCode.NewRandom().ToDisplayString().ToLowerInvariant();

    [Benchmark]
    public CouponCode NewRandomCode() => CouponCode.NewRandom();

    [Benchmark]
    public CouponCode ParseTypedCode() => CouponCode.Parse(typedCode);

    [Benchmark]
    public CardNumber ParseScannedCard() => CardNumber.Parse("pl 0000-123 456");
}
