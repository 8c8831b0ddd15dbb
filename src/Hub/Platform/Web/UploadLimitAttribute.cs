using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// Bounds an upload form before any of it is read, on the page it marks. A request whose
/// Content-Length is over the limit is answered 413 at once, unread. One that grows past the limit
/// while it streams in (sent in chunks, or with a false length) is cut off there: the server stops
/// reading the body, the multipart reader stops the file part, and the request ends with 413 before
/// the page sees any of it, so no more than the limit is ever buffered and nothing half-received is
/// kept. Both are logged at Information with the reason. It runs before the anti-forgery check
/// (order 1000), which is the first to read the form.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public class UploadLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for the form's other fields and the multipart boundaries around the file.</summary>
    public const long FormOverhead = 256 * 1024;

    private readonly long maxFileBytes;

    public UploadLimitAttribute(long maxFileBytes) => this.maxFileBytes = maxFileBytes;

    protected UploadLimitAttribute()
    {
    }

    public int Order => 900;

    /// <summary>The largest file the page takes; a subclass may read it from settings when the request arrives.</summary>
    protected virtual long MaxFileBytes(IServiceProvider services) => maxFileBytes;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!request.HasFormContentType)
        {
            return;
        }
        var services = http.RequestServices;
        var logger = services.GetRequiredService<ILogger<UploadLimitAttribute>>();
        var file = MaxFileBytes(services);
        var body = file + FormOverhead;
        if (request.ContentLength > body)
        {
            logger.LogInformation("Refused an upload to {Path} of {Length} bytes, over its limit of {Limit}.", request.Path, request.ContentLength, body);
            Refuse(context, StatusCodes.Status413PayloadTooLarge);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = body;
        }
        var defaults = services.GetRequiredService<IOptions<FormOptions>>().Value;
        http.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            BufferBody = defaults.BufferBody,
            MemoryBufferThreshold = defaults.MemoryBufferThreshold,
            BufferBodyLengthLimit = defaults.BufferBodyLengthLimit,
            ValueCountLimit = defaults.ValueCountLimit,
            KeyLengthLimit = defaults.KeyLengthLimit,
            ValueLengthLimit = defaults.ValueLengthLimit,
            MultipartBoundaryLengthLimit = defaults.MultipartBoundaryLengthLimit,
            MultipartHeadersCountLimit = defaults.MultipartHeadersCountLimit,
            MultipartHeadersLengthLimit = defaults.MultipartHeadersLengthLimit,
            MultipartBodyLengthLimit = file,
        }));
        try
        {
            await request.ReadFormAsync(http.RequestAborted); // read here, under the limits; binding and anti-forgery reuse it
        }
        catch (BadHttpRequestException e)
        {
            logger.LogInformation("Refused an upload to {Path}: {Reason}", request.Path, e.Message);
            Refuse(context, e.StatusCode);
        }
        catch (IOException e) when (!http.RequestAborted.IsCancellationRequested)
        {
            // Buffering the file part stops at the limit ("Buffer limit exceeded").
            logger.LogInformation("Refused an upload to {Path}: {Reason}", request.Path, e.Message);
            Refuse(context, StatusCodes.Status413PayloadTooLarge);
        }
        catch (InvalidDataException e)
        {
            // The multipart reader's own limits: the file part too long (413), or a malformed or over-full form (400).
            logger.LogInformation("Refused an upload to {Path}: {Reason}", request.Path, e.Message);
            Refuse(context, e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase)
                ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>
    /// Answers with the status alone (the error page explains it), and leaves an empty form behind:
    /// the refused body is no one's form, and the error page, re-executed on the same request, must
    /// not try to read it again.
    /// </summary>
    private static void Refuse(AuthorizationFilterContext context, int status)
    {
        context.HttpContext.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        context.Result = new StatusCodeResult(status);
    }
}
