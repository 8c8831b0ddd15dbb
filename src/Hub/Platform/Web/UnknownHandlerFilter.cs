using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// A form sent to a page that has no handler for it (a POST without the <c>?handler=</c> the page's forms
/// carry, or to a page that only shows) is the client's mistake: 400, not the page. Razor Pages would render
/// the page without running any handler, so its model was never loaded and the view failed with a 500.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var reading = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        var errorPage = http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null;
        if (context.HandlerMethod is null && !reading && !errorPage)
        {
            context.Result = new BadRequestResult(); // the status code pages answer with the hub's own 400 page
            return;
        }
        await next();
    }
}
