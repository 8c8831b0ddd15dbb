using System.Linq.Expressions;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>
/// Where a person is signed in: one <see cref="AccountSession"/> row per device, its id in the cookie.
/// Every request checks the row (kept in memory for <c>Web:PublicCacheSeconds</c>, forgotten at once when
/// this hub ends the session; another node notices within those seconds). A session ends when its device
/// signs out, when the person signs out everywhere else, after a password reset or change and after an
/// address change; a session begun before the account's security stamp changed is refused even if its row
/// was missed, so no way of changing the stamp can leave an old cookie working.
/// </summary>
public sealed class AccountSessions(HubDbContext db, SignInManager<HubUser> signIn, TimeProvider time, IMemoryCache cache,
    IConfiguration configuration, IHttpContextAccessor http)
{
    public const string ClaimType = "hub:session";

    /// <summary>A cookie unused this long has expired (sliding), and so has its session.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromDays(14);

    /// <summary>How stale "last active" may get before a request writes it again.</summary>
    private static readonly TimeSpan SeenPrecision = TimeSpan.FromMinutes(10);

    private readonly TimeSpan kept = TimeSpan.FromSeconds(configuration.GetValue("Web:PublicCacheSeconds", 5));

    public sealed record Device(string Id, string Description, DateTime SignedInAt, DateTime LastSeenAt, bool IsThisOne);

    /// <summary>Signs the person in on this device with a new session.</summary>
    public async Task StartAsync(HubUser user, bool persistent)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var session = new AccountSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UserId = user.Id,
            SecurityStamp = user.SecurityStamp ?? "",
            Device = DescribeDevice(http.HttpContext?.Request.Headers.UserAgent.ToString()),
            CreatedAt = now,
            LastSeenAt = now,
        };
        db.AccountSessions.Add(session);
        await db.SaveChangesAsync();
        // Sessions whose cookies can no longer be valid are swept here, so no job is needed.
        var idle = now - IdleLifetime;
        await db.AccountSessions.Where(s => s.UserId == user.Id && (s.LastSeenAt < idle || s.SecurityStamp != user.SecurityStamp)).ExecuteDeleteAsync();
        await signIn.SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = persistent }, [new Claim(ClaimType, session.Id)]);
    }

    /// <summary>
    /// After this device changed the password or the address (which renews the security stamp): every
    /// session ends, and this device gets a new one, so even a copy of its old cookie stops working.
    /// </summary>
    public async Task RenewAsync(HubUser user)
    {
        var persistent = (await http.HttpContext!.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Properties?.IsPersistent ?? false;
        await EndAllAsync(user.Id);
        await StartAsync(user, persistent);
    }

    /// <summary>Signs this device out and ends its session, so a copy of its cookie is refused too.</summary>
    public async Task EndThisAsync(ClaimsPrincipal current)
    {
        if (SessionId(current) is { } id)
        {
            await db.AccountSessions.Where(s => s.Id == id).ExecuteDeleteAsync();
            Forget(id);
        }
        await signIn.SignOutAsync();
    }

    /// <summary>Ends every session of the account but <paramref name="except"/>; returns how many ended.</summary>
    public async Task<int> EndAllAsync(string userId, string? except = null)
    {
        var ids = await db.AccountSessions.Where(s => s.UserId == userId && s.Id != except).Select(s => s.Id).ToListAsync();
        await db.AccountSessions.Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync();
        ids.ForEach(Forget);
        return ids.Count;
    }

    /// <summary>"Sign out everywhere else": every session of the person but this device's.</summary>
    public Task<int> EndOthersAsync(ClaimsPrincipal current) =>
        EndAllAsync(current.FindFirstValue(ClaimTypes.NameIdentifier)!, SessionId(current));

    /// <summary>The devices the person is signed in on, this one first.</summary>
    public async Task<IReadOnlyList<Device>> ListAsync(ClaimsPrincipal current)
    {
        var userId = current.FindFirstValue(ClaimTypes.NameIdentifier);
        var thisOne = SessionId(current);
        var rows = await db.AccountSessions.AsNoTracking().Where(Live(time.GetUtcNow().UtcDateTime)).Where(s => s.UserId == userId)
            .OrderByDescending(s => s.LastSeenAt).ToListAsync();
        return [.. rows.Select(s => new Device(s.Id, s.Device, s.CreatedAt, s.LastSeenAt, s.Id == thisOne)).OrderByDescending(d => d.IsThisOne)];
    }

    /// <summary>Whether this node saw the session stand within the last few seconds: the check every request makes first, without a database.</summary>
    public static bool IsKnownCurrent(IMemoryCache cache, ClaimsPrincipal? principal) =>
        principal is not null && SessionId(principal) is { } id && cache.TryGetValue(Key(id), out string? owner)
        && owner == principal.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Whether the cookie's session still stands: called on every request that carries a sign-in cookie.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal? principal)
    {
        var id = principal is null ? null : SessionId(principal);
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || userId is null)
        {
            return false; // a cookie from before sessions were kept, or not ours
        }
        if (IsKnownCurrent(cache, principal))
        {
            return true;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var seen = await db.AccountSessions.AsNoTracking().Where(Live(now)).Where(s => s.Id == id && s.UserId == userId)
            .Select(s => (DateTime?)s.LastSeenAt).FirstOrDefaultAsync();
        if (seen is null)
        {
            return false;
        }
        if (seen < now - SeenPrecision)
        {
            await db.AccountSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
        }
        if (kept > TimeSpan.Zero)
        {
            cache.Set(Key(id), userId, kept);
        }
        return true;
    }

    /// <summary>Keeps the session's id when Identity rebuilds the cookie's claims.</summary>
    public static void CarryOver(ClaimsPrincipal? from, ClaimsPrincipal? to)
    {
        if (from?.FindFirst(ClaimType) is { } claim && to?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == ClaimType))
        {
            identity.AddClaim(new Claim(ClaimType, claim.Value));
        }
    }

    /// <summary>A session stands while its cookie can (used within the idle lifetime) and the account's stamp is the one it began with.</summary>
    private static Expression<Func<AccountSession, bool>> Live(DateTime now)
    {
        var idle = now - IdleLifetime;
        return s => s.LastSeenAt > idle && s.SecurityStamp == s.User.SecurityStamp;
    }

    private static string? SessionId(ClaimsPrincipal principal) => principal.FindFirstValue(ClaimType);

    private void Forget(string id) => cache.Remove(Key(id));

    private static (string, string) Key(string id) => ("account-session", id);

    /// <summary>
    /// A device as <see cref="DescribeDevice"/> stored it (in English, at sign-in), said again in the reader's language:
    /// the browser's and the system's names stay, the words around them are the reader's.
    /// </summary>
    public static string SayDevice(IStringLocalizer strings, string stored)
    {
        var (browser, system) = stored.Split(" on ", 2) is [var b, var s] ? (b, s) : (stored, null);
        var named = browser == "A browser" ? null : browser;
        string? place = system switch
        {
            null => null,
            "an iPhone" => strings["Accounts.Device.iPhone"].Value,
            "an iPad" => strings["Accounts.Device.iPad"].Value,
            "a Mac" => strings["Accounts.Device.Mac"].Value,
            _ => strings["Accounts.Device.System", system].Value,
        };
        return (named, place) switch
        {
            (null, null) => strings["Accounts.Device.Browser"],
            (null, _) => strings["Accounts.Device.BrowserOn", place],
            (_, null) => named,
            _ => strings["Accounts.Device.On", named, place],
        };
    }

    /// <summary>"Firefox on Linux": enough to recognise a device, nothing more is kept.</summary>
    internal static string DescribeDevice(string? userAgent)
    {
        var ua = userAgent ?? "";
        bool Has(string s) => ua.Contains(s, StringComparison.OrdinalIgnoreCase);
        var browser = Has("Edg/") ? "Edge" : Has("OPR/") ? "Opera" : Has("Firefox/") ? "Firefox"
            : Has("Chrome/") || Has("CriOS/") ? "Chrome" : Has("Safari/") ? "Safari" : null;
        var system = Has("Android") ? "Android" : Has("iPhone") ? "an iPhone" : Has("iPad") ? "an iPad"
            : Has("Windows") ? "Windows" : Has("Mac OS X") || Has("Macintosh") ? "a Mac" : Has("CrOS") ? "ChromeOS"
            : Has("Linux") ? "Linux" : null;
        return (browser, system) switch
        {
            (null, null) => "A browser",
            (null, _) => $"A browser on {system}",
            (_, null) => browser,
            _ => $"{browser} on {system}",
        };
    }
}
