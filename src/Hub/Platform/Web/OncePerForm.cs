using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Platform;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// <c>&lt;form method="post" hub-once&gt;</c>: the form carries a one-time token, so submitting it twice
/// (a double click, a reload of the POST, a slow connection and a second tap) does its work once.
/// Every form that creates something has it; <see cref="OncePerFormFilter"/> does the rest.
/// </summary>
[HtmlTargetElement("form", Attributes = AttributeName)]
public sealed class OncePerFormTagHelper : TagHelper
{
    public const string AttributeName = "hub-once";

    // After the framework's form tag helper, which writes the anti-forgery token the same way.
    public override int Order => 10;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll(AttributeName);
        output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{OncePerFormFilter.FieldName}\" value=\"{OncePerFormFilter.NewToken()}\">");
    }
}

/// <summary>
/// Records a form's token on its first submit, before the page's handler runs (a unique key, so of
/// two submits at the same moment exactly one records it). When the handler succeeds with a redirect,
/// the redirect and its notice are kept with the token; a second submit with that token is sent there
/// with the same notice instead of running the handler again (if the first is still running, it waits
/// for it). A handler that shows the form again (a mistake to fix) or fails gives the token back, so
/// the corrected form can be sent. Tokens are kept two days.
/// </summary>
public sealed class OncePerFormFilter(IServiceScopeFactory scopes, TimeProvider time) : IAsyncPageFilter
{
    public const string FieldName = "__FormToken";
    private static readonly TimeSpan Kept = TimeSpan.FromDays(2);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(15);

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(); // the error page answering a refused or failed request: its form may be unreadable, and nothing is created
            return;
        }
        var token = HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType
            && (await http.Request.ReadFormAsync(http.RequestAborted))[FieldName] is { Count: 1 } values
            && values[0] is { Length: >= 16 and <= 64 } value ? value : null;
        if (token is null)
        {
            await next();
            return;
        }
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!await ClaimAsync(token, userId, http.RequestAborted))
        {
            var (url, notice) = await FirstResultAsync(token, userId, http.RequestAborted);
            if (notice is not null)
            {
                if (context.HandlerInstance is HubPageModel page)
                {
                    page.Notice = notice;
                }
                http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http)[nameof(HubPageModel.Notice)] = notice;
            }
            context.Result = new RedirectResult(url ?? PageAddress(http.Request));
            return;
        }
        PageHandlerExecutedContext executed;
        try
        {
            executed = await next();
        }
        catch
        {
            await ReleaseAsync(token);
            throw;
        }
        var redirect = (executed.Exception is null || executed.ExceptionHandled) ? executed.Result switch
        {
            RedirectResult r => r.Url,
            LocalRedirectResult r => r.Url,
            _ => null,
        } : null;
        if (redirect is null)
        {
            await ReleaseAsync(token);
            return;
        }
        var kept = (executed.HandlerInstance as HubPageModel)?.Notice;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        await db.FormSubmissions.Where(s => s.Token == token)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ResultUrl, redirect).SetProperty(s => s.Notice, kept), CancellationToken.None);
    }

    /// <summary>True when this submit is the token's first; false when another submit recorded it already.</summary>
    private async Task<bool> ClaimAsync(string token, string? userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        if (RandomNumberGenerator.GetInt32(50) == 0)
        {
            var before = now - Kept;
            await db.FormSubmissions.Where(s => s.SubmittedAt < before).ExecuteDeleteAsync(cancellationToken);
        }
        if (await db.FormSubmissions.AnyAsync(s => s.Token == token, cancellationToken))
        {
            return false;
        }
        db.FormSubmissions.Add(new FormSubmission { Token = token, UserId = userId, SubmittedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // the other submit of the pair recorded it a moment ago
        }
    }

    /// <summary>Where the first submit led, once it has finished; null when it gave the token back or is someone else's.</summary>
    private async Task<(string? Url, string? Notice)> FirstResultAsync(string token, string? userId, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
                var first = await db.FormSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.Token == token, cancellationToken);
                if (first is null || first.UserId != userId)
                {
                    return (null, null);
                }
                if (first.ResultUrl is not null)
                {
                    return (first.ResultUrl, first.Notice);
                }
            }
            if (waited.Elapsed > LongestWait)
            {
                return (null, null);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private async Task ReleaseAsync(string token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        await db.FormSubmissions.Where(s => s.Token == token && s.ResultUrl == null).ExecuteDeleteAsync(CancellationToken.None);
    }

    /// <summary>The page the form was on, without the handler: where a second submit goes when the first led nowhere to remember.</summary>
    private static string PageAddress(HttpRequest request)
    {
        var query = request.Query.Where(q => !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
        var text = string.Join("&", query);
        return request.PathBase + request.Path + (text == "" ? "" : "?" + text);
    }
}
