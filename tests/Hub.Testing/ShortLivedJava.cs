namespace Microsolidarity.Hub.Testing;

/// <summary>
/// How the tests start the Java validators (the Nu HTML Checker, epubcheck), which live for one batch of files each.
/// </summary>
public static class ShortLivedJava
{
    /// <summary>
    /// Only the JVM's quick compiler (C1) and its single-threaded collector: a validator that runs for a few seconds
    /// spent most of its CPU optimising code it would never run long enough to profit from, and a parallel collector's
    /// threads for a heap it hardly grows (about 40 % less CPU for the Nu checker's runs, docs/benchmarks.md). The
    /// quick compiler's frames are larger, and the checker's schema evaluation recurses deeply, so the stack is
    /// larger too (with 1 MB it overflowed). What is validated, and how, is the same.
    /// </summary>
    public static readonly string[] Options = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss8m"];
}
