using Microsoft.AspNetCore.DataProtection;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// The anti-forgery cookie's token, decrypted once and kept for a minute on this node. A page with a form decrypted
/// that cookie on every view (AES with a key derived per token, and an HMAC) to bind the form's token to it: for the
/// same few cookies again and again, a tenth of a signed-in page with forms (docs/benchmarks.md). As with the
/// sign-in cookie (<c>KeptCookieTickets</c>), only a text that decrypted is kept, under its exact bytes, so nothing a
/// stranger sends can fill the memory or be answered from it; each caller gets its own copy. Encrypting the form's
/// own token is left as it is: a new one on every page, so no two pages show the same token.
/// </summary>
public sealed class KeptFormTokens(IDataProtector inner) : IDataProtector
{
    /// <summary>The purpose ASP.NET's anti-forgery serializer asks its protector for (DefaultAntiforgeryTokenSerializer).</summary>
    public const string Purpose = "Microsoft.AspNetCore.Antiforgery.AntiforgeryToken.v1";

    private readonly KeptDecryptions<byte[], byte[]> kept = new(Bytes.Comparer);

    public IDataProtector CreateProtector(string purpose) => inner.CreateProtector(purpose);

    public byte[] Protect(byte[] plaintext) => inner.Protect(plaintext);

    public byte[] Unprotect(byte[] protectedData)
    {
        if (kept.TryGet(protectedData, out var known))
        {
            return (byte[])known.Clone();
        }
        var plain = inner.Unprotect(protectedData); // throws on anything that does not decrypt: nothing is kept
        kept.Keep((byte[])protectedData.Clone(), (byte[])plain.Clone());
        return plain;
    }

    /// <summary>Hands anti-forgery's serializer this protector; every other purpose gets the hub's own as before.</summary>
    public sealed class Provider(IDataProtectionProvider inner) : IDataProtectionProvider
    {
        public IDataProtector CreateProtector(string purpose) =>
            purpose == Purpose ? new KeptFormTokens(inner.CreateProtector(purpose)) : inner.CreateProtector(purpose);
    }

    /// <summary>Wraps the data-protection provider that <c>AddDataProtection</c> registered (call after it).</summary>
    public static void Register(IServiceCollection services)
    {
        var registered = services.Last(s => s.ServiceType == typeof(IDataProtectionProvider));
        services.Remove(registered);
        services.AddSingleton<IDataProtectionProvider>(sp => new Provider(registered switch
        {
            { ImplementationInstance: IDataProtectionProvider instance } => instance,
            { ImplementationFactory: { } factory } => (IDataProtectionProvider)factory(sp),
            { ImplementationType: { } type } => (IDataProtectionProvider)ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException("The data-protection provider's registration is of an unknown kind."),
        }));
    }

    private sealed class Bytes : IEqualityComparer<byte[]>
    {
        public static readonly Bytes Comparer = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] bytes)
        {
            var hash = new HashCode();
            hash.AddBytes(bytes);
            return hash.ToHashCode();
        }
    }
}
