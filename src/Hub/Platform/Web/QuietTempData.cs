using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// The cookie TempData provider, minus one habit: with nothing to keep it sends a "delete this cookie"
/// header on every page, even to visitors who never had the cookie. That header would make every
/// page uncacheable (a response that sets a cookie is never shared) and costs bytes for nothing.
/// </summary>
internal sealed class QuietTempData(CookieTempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        var name = options.Value.Cookie.Name ?? CookieTempDataProvider.CookieName;
        if (values.Count == 0 && !context.Request.Cookies.Keys.Any(k => k.StartsWith(name, StringComparison.Ordinal)))
        {
            return;
        }
        inner.SaveTempData(context, values);
    }

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<CookieTempDataProvider>();
        services.AddSingleton<ITempDataProvider, QuietTempData>();
    }
}
