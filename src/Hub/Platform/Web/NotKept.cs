namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// How a page that must never be kept (by a browser's back button on a shared computer, or a proxy) says so. The
/// value is the one ASP.NET's anti-forgery writes on every page with a form: with any other value ("no-store,
/// private"), anti-forgery overwrote it and logged a warning for every view of the page, the personal home's too.
/// </summary>
public static class NotKept
{
    public const string CacheControl = "no-cache, no-store";

    public static void Say(HttpResponse response) => response.Headers.CacheControl = CacheControl;
}
