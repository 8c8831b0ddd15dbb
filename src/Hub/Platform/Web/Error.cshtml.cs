using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// The friendly page for every error status; re-executed for any method, so it answers all of them.
/// The status comes from the request being answered — the exception handler's choice, or the status a
/// page set — never from anything the client sent: a posted field must not turn a 404 into a 500.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class ErrorModel : PageModel
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
        (Title, Explanation) = status switch
        {
            404 => ("We can't find that page", "The address may have changed, or the page was never here. The links above lead to every part of the hub."),
            403 => ("That page is not open to you", "It belongs to a group you are not part of, or needs a host's role. If you think you should see it, ask a host."),
            400 => ("Something in that request did not fit", "If you sent a form, go back, reload the page and try again; what you typed is still in your browser's back history."),
            413 => ("That was more than the hub accepts at once", "If you sent a file, choose a smaller one; if you pasted a long text, send it in parts."),
            429 => ("Too many tries in a short time", "To keep accounts safe, the hub slows down repeated attempts. Wait a minute, then try again."),
            405 => ("That action is not possible here", "Go back and use the buttons on the page."),
            _ => ("Something went wrong on our side", "The hub hit a problem it did not expect. Nothing you did caused this; try again in a moment. The hosts can find the details in the hub's log."),
        };
        Response.StatusCode = status is >= 400 and < 600 ? status : 500;
    }
}
