using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// The friendly page for every error status; re-executed for any method, so it answers all of them.
/// The status comes from the request being answered — the exception handler's choice, or the status a
/// page set — never from anything the client sent: a posted field must not turn a 404 into a 500.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<Strings> strings) : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet([FromRoute] int? code) => Describe(code);
    public void OnPost([FromRoute] int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status =
            HttpContext.Features.Get<IExceptionHandlerFeature>() is not null ? Response.StatusCode // 500, or a client error's 4xx
            : HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } original ? original.OriginalStatusCode
            : code ?? StatusCodes.Status404NotFound; // /error/404 opened directly
        // Keep the original status (a 404 stays a 404) but never show details of a failure.
        // The words come from the resource files, in the reader's language: 404, 403, 400, 413, 429, 405, 503, and 500 for the rest.
        var known = status is 404 or 403 or 400 or 413 or 429 or 405 or 503 ? status : 500;
        (Title, Explanation) = (strings[$"Error.{known}.Title"], strings[$"Error.{known}.Text"]);
        Response.StatusCode = status is >= 400 and < 600 ? status : 500;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = "60"; // an outage of a part the hub relies on (the file store): worth a try in a minute
        }
    }
}
